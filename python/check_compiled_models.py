#!/usr/bin/python3
"""Checks that models compiled ahead of time (sqz-compile, run by sqz-exec)
compute exactly what the JIT (sqz-run) computes.

For every model and compression scheme: compress with sqz-opt, run the
result with `sqz-run --random-inputs --seed S --output-dir`, compile it with
`sqz-compile --target=cpu`, run the library with `sqz-exec` on the same
seed, and compare every output file byte for byte (the .npy files, header
and data). Both paths lower with the same pipeline and options for the same
CPU, so any difference is a bug of the ahead-of-time path (the manifest,
the packed wrappers, the object emission, the runtime library).

Models: the example MLP, the LLM.int8() outlier block (examples/), and the
transformer block of run_quantized_models.py (LayerNorm, attention with
softmax, tanh GELU, three weight layouts). Schemes: fp32, W8 per channel,
W8A8 dynamic per token (symmetric, and asymmetric: unsigned codes), W4 per
group of 128, 2:4 f32, 2:4 + W8A8. Also the example MLP in f16 and in bf16
(make_example_mlp.py --dtype), as they are (f16 arguments and results; a
bf16 model takes and returns f32).

Prints "ok   MODEL SCHEME: N output(s) bit-identical" or "FAIL ..." per
pair, then "PASS: N pairs" or "FAIL: N of M pairs differ". Exits 1 on any
difference.

Usage: check_compiled_models.py --opt sqz-opt --run sqz-run
           --compile sqz-compile --exec sqz-exec [--workdir DIR] [--seed N]
"""

import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_quantized_models  # noqa: E402
from make_example_mlp import mlp_text, mlp_weights  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

W8 = "--sqz-quantize-weights=bits=8 granularity=channel"
A8 = "--sqz-quantize-activations=mode=dynamic granularity=token"
SCHEMES = [
    ("fp32", []),
    ("W8 channel", [W8]),
    ("W8A8 token", [W8, A8, "--sqz-fold-scales"]),
    ("W8A8 asym token", [W8, A8 + " symmetric=false", "--sqz-fold-scales"]),
    ("W4 group128", ["--sqz-quantize-weights=bits=4 granularity=group group-size=128"]),
    ("2:4 f32", ["--sqz-prune=pattern=nm n=2 m=4"]),
    ("2:4 W8A8", ["--sqz-prune=pattern=nm n=2 m=4", W8, A8, "--sqz-fold-scales"]),
]


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}): "
                           f"{result.stderr.strip()}")
    return result.stdout


def models(work):
    """(name, path, entry) of each model."""
    block = run_quantized_models.Block(seed=0)
    block_path = os.path.join(work, "block.mlir")
    with open(block_path, "w") as f:
        f.write(block.text())
    return [
        ("mlp", os.path.join(ROOT, "examples", "mlp.mlir"), "mlp"),
        ("outlier_block", os.path.join(ROOT, "examples", "outlier_block.mlir"), "block"),
        ("transformer_block", block_path, block.entry),
    ]


def half_models(work):
    """(dtype, (name, path, entry)) of the example MLP in f16 and bf16."""
    weights = mlp_weights(0, [256, 512, 128])
    found = []
    for dtype in ("f16", "bf16"):
        path = os.path.join(work, f"mlp_{dtype}.mlir")
        with open(path, "w") as f:
            f.write(mlp_text(weights, 4, 0, dtype=dtype))
        found.append((dtype, (f"mlp_{dtype}", path, "mlp")))
    return found


def same_files(a_dir, b_dir):
    """(number of outputs, list of differing names)."""
    names = sorted(n for n in os.listdir(a_dir) if n.startswith("out"))
    if sorted(n for n in os.listdir(b_dir) if n.startswith("out")) != names:
        return len(names), ["the sets of output files"]
    differing = []
    for name in names:
        with open(os.path.join(a_dir, name), "rb") as a, \
                open(os.path.join(b_dir, name), "rb") as b:
            if a.read() != b.read():
                differing.append(name)
    return len(names), differing


def check(args, work, model, scheme):
    name, source, entry = model
    label, options = scheme
    tag = f"{name}-{label}".replace(" ", "_").replace(":", "")
    compressed = os.path.join(work, tag + ".mlir")
    run([args.opt, source, *options, "-o", compressed])
    jit, aot = os.path.join(work, tag + ".jit"), os.path.join(work, tag + ".aot")
    library = os.path.join(work, tag + ".so")
    seed = ["--random-inputs", "--seed", str(args.seed)]
    run([args.run, compressed, "--entry", entry, *seed, "--output-dir", jit])
    run([args.compile, compressed, "--target=cpu", "-o", library])
    run([args.exec, library, "--entry", entry, *seed, "--output-dir", aot])
    count, differing = same_files(jit, aot)
    if differing:
        print(f"FAIL {name} {label}: {', '.join(differing)} differ between "
              f"sqz-run and sqz-exec")
        return False
    print(f"ok   {name} {label}: {count} output(s) bit-identical")
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for tool in ("opt", "run", "compile", "exec"):
        parser.add_argument(f"--{tool}", required=True)
    parser.add_argument("--workdir")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    work = args.workdir or tempfile.mkdtemp(prefix="sqz-aot-")
    os.makedirs(work, exist_ok=True)
    pairs = [(m, s) for m in models(work) for s in SCHEMES]
    pairs += [(m, (dtype, [])) for dtype, m in half_models(work)]
    failed = sum(not check(args, work, m, s) for m, s in pairs)
    if failed:
        print(f"FAIL: {failed} of {len(pairs)} pairs differ")
        return 1
    print(f"PASS: {len(pairs)} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
