#!/usr/bin/python3
"""Checks structured pruning end to end: the model shrunk by
`sqz-opt --sqz-prune=pattern=rows|heads` computes what the original model
computes with the removed channels or heads zeroed.

Models (seeded random weights):

* `mlp`: python/make_example_mlp.py's MLP, 64 -> 128 -> 32, batch 8; rows
  removes fc1's channels (fc2's output is the function's result);
* `block`: run_quantized_models.py's transformer block without taps, hidden
  64, 4 heads of 16, FFN 128, sequence 8. pattern=rows removes FFN-up
  channels only (Q/K/V are split into heads, the output projection and
  FFN-down feed residual adds); pattern=heads removes heads of Q/K/V and the
  matching rows of the output projection.

Which channels or heads go is computed by python/sqz_structured_ref.py; the
zeroed model is written by the same generator with those weights (and
biases) set to zero. Both models run in sqz-run on the same seeded input;
the outputs must agree within RTOL relative L2, the shrunk model must have
the expected shapes, and zeroing must change the output (so that the check
could fail).

Prints one line per case, "ok ..." or "FAIL ...", then "PASS" or "FAIL".

Usage: check_structured_pruning.py --opt PATH/TO/sqz-opt --run PATH/TO/sqz-run
                                   [--sparsity S] [--seed N] [--workdir DIR]
"""

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sqz_structured_ref as ref  # noqa: E402
from make_example_mlp import mlp_text, mlp_weights  # noqa: E402
from run_quantized_models import Block  # noqa: E402

F32 = np.float32
RTOL = 1e-5


class SmallBlock(Block):
    """The transformer block, smaller, returning its output only."""
    S, D, H, F = 8, 64, 4, 128

    def __init__(self, seed: int):
        super().__init__(seed)
        self.taps = []


def run(command) -> str:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"check_structured_pruning: failed: {' '.join(command)}")
    return result.stdout


def execute(args, text: str, entry: str, x: np.ndarray, name: str) -> np.ndarray:
    path = os.path.join(args.workdir, f"{name}.mlir")
    with open(path, "w") as f:
        f.write(text)
    x_path = os.path.join(args.workdir, "x.npy")
    np.save(x_path, x)
    out = os.path.join(args.workdir, name)
    run([args.run, path, "--entry", entry, "--input", x_path, "--output-dir", out])
    return np.load(os.path.join(out, "out0.npy"))


def prune(args, text: str, options: str, name: str) -> str:
    path = os.path.join(args.workdir, f"{name}-source.mlir")
    with open(path, "w") as f:
        f.write(text)
    return run([args.opt, path, f"--sqz-prune={options}"])


def relative_l2(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a.astype(np.float64) - b.astype(np.float64)) /
                 np.linalg.norm(b.astype(np.float64)))


def compare(args, name, original, pruned_text, zeroed_text, entry, x, shapes) -> bool:
    problems = []
    for shape in shapes:
        if shape not in pruned_text:
            problems.append(f"no {shape} in the pruned model")
    y_original = execute(args, original, entry, x, f"{name}-original")
    y_pruned = execute(args, pruned_text, entry, x, f"{name}-pruned")
    y_zeroed = execute(args, zeroed_text, entry, x, f"{name}-zeroed")
    error = relative_l2(y_pruned, y_zeroed)
    change = relative_l2(y_zeroed, y_original)
    if y_pruned.shape != y_zeroed.shape:
        problems.append(f"output shape {y_pruned.shape} != {y_zeroed.shape}")
    elif error > RTOL:
        problems.append(f"pruned vs zeroed rel L2 {error:.3g} > {RTOL:g}")
    if change == 0.0:
        problems.append("zeroing does not change the output")
    print(f"{'ok  ' if not problems else 'FAIL'} {name}: "
          + (f"pruned = zeroed (rel L2 {error:.2e}); zeroing changes the output by "
             f"{change:.2e}" if not problems else "; ".join(problems)))
    return not problems


def check_mlp(args) -> bool:
    batch, dims = 8, (64, 128, 32)
    w = mlp_weights(args.seed, dims)
    x = np.random.default_rng(args.seed + 1000).standard_normal((batch, dims[0])).astype(F32)
    original = mlp_text(w, batch, args.seed)
    removed = ref.rows_to_remove(w["w1"], args.sparsity)
    zeroed = dict(w)
    zeroed["w1"] = w["w1"].copy()
    zeroed["w1"][:, removed] = 0
    zeroed["b1"] = w["b1"].copy()
    zeroed["b1"][removed] = 0
    pruned = prune(args, original, f"pattern=rows sparsity={args.sparsity}", "mlp")
    kept = dims[1] - len(removed)
    shapes = [f"tensor<{dims[0]}x{kept}xf32>", f"tensor<{kept}x{dims[2]}xf32>",
              f"tensor<{batch}x{kept}xf32>"]
    return compare(args, f"mlp rows ({len(removed)} of {dims[1]} channels)", original,
                   pruned, mlp_text(zeroed, batch, args.seed), "mlp", x, shapes)


def check_block_rows(args) -> bool:
    block = SmallBlock(args.seed)
    original = block.text()
    w1 = block.w["w1"]                       # FFN-up, [N, K]
    removed = ref.rows_to_remove(w1.T, args.sparsity)
    pruned = prune(args, original, f"pattern=rows sparsity={args.sparsity}", "block-rows")
    block.w["w1"] = w1.copy()
    block.w["w1"][removed, :] = 0
    block.w["b1"] = block.w["b1"].copy()
    block.w["b1"][removed] = 0
    kept = block.F - len(removed)
    shapes = [f"tensor<{kept}x{block.D}xf32>", f"tensor<{block.S}x{kept}xf32>",
              f"tensor<{kept}xf32>"]
    return compare(args, f"block rows ({len(removed)} of {block.F} FFN channels)", original,
                   pruned, block.text(), "block", block.x, shapes)


def check_block_heads(args) -> bool:
    block = SmallBlock(args.seed)
    original = block.text()
    w = block.w
    # As [K, N]: Q and O are stored [K, N], K and V [N, K].
    heads = ref.heads_to_remove([w["wq"], w["wk"].T, w["wv"].T], [w["wo"]], block.H,
                                args.sparsity)
    pruned = prune(args, original,
                   f"pattern=heads num-heads={block.H} sparsity={args.sparsity}", "block-heads")
    channels = ref.head_channels(heads, block.D, block.H)
    zeroed = {name: value.copy() for name, value in w.items()}
    zeroed["wq"][:, channels] = 0
    zeroed["wk"][channels, :] = 0
    zeroed["wv"][channels, :] = 0
    zeroed["wo"][channels, :] = 0
    for bias in ("bq", "bk", "bv"):
        zeroed[bias][channels] = 0
    block.w = zeroed
    kept = block.H - len(heads)
    dh = block.D // block.H
    shapes = [f"tensor<{block.D}x{kept * dh}xf32>", f"tensor<{kept * dh}x{block.D}xf32>",
              f"tensor<{kept}x{block.S}x{dh}xf32>", f"tensor<{kept}x{block.S}x{block.S}xf32>"]
    return compare(args, f"block heads ({len(heads)} of {block.H} heads: {heads})", original,
                   pruned, block.text(), "block", block.x, shapes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--opt", required=True)
    parser.add_argument("--run", required=True)
    parser.add_argument("--sparsity", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        args.workdir = args.workdir or tmp
        os.makedirs(args.workdir, exist_ok=True)
        results = [check_mlp(args), check_block_rows(args), check_block_heads(args)]
    print("PASS" if all(results) else "FAIL")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
