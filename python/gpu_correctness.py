#!/usr/bin/python3
"""Every model and scheme of the CPU suite, compiled for an NVIDIA GPU, run on
one, and checked against the CPU reference.

Two halves, because the GPU machine has no LLVM:

  prepare (on the machine that builds): for each model (the example MLP,
      the outlier block, the transformer block of run_quantized_models.py)
      and scheme (fp32, W8, W8A8 symmetric and asymmetric, W4 g128, 2:4,
      2:4 + W8A8; the list of
      check_compiled_models.py), compress with sqz-opt, run the CPU
      reference with `sqz-run --random-inputs --seed S --output-dir`, and
      compile the model with `sqz-compile --target=cuda`. With --minilm,
      also the real model on its evaluation sentences in six schemes of
      examples/minilm/run.py, its libraries packed into 48 MiB parts (see
      PART_BYTES). The example MLP also runs in f16 and in bf16
      (make_example_mlp.py --dtype), on the half-precision tensor cores;
      see HALF_TYPES. Writes a folder
      (default gpu-run/) holding bin/sqz-exec, bin/libsqz_runtime.so,
      models/TAG.so, ref/TAG/out<i>.npy and cases.json: everything the GPU
      machine needs (no input files: sqz-exec draws the same seeded inputs
      as sqz-run).

  run (on the GPU machine, python3 with numpy): runs each model with
      `sqz-exec --device cuda --random-inputs --seed S`, compares every
      output with the reference and writes a Markdown table (the GPU,
      its driver, then per model and scheme: pass or fail, the relative L2
      error, the largest error relative to the largest reference value, and
      the time of a call).

Tolerance: integer and boolean outputs must be equal; float outputs within
REL_L2 relative L2 of the reference. The GPU kernels sum in order like the
reference loops but may fuse multiply-adds (the NVPTX default), and the CPU
reference runs linear layers on its GEMM kernels in another order: a few
ulps, far below the tolerance. Exits 1 on any failure.

Usage:
  gpu_correctness.py prepare --opt sqz-opt --run sqz-run --compile sqz-compile
                             --exec sqz-exec --runtime libsqz_runtime.so
                             [--dir gpu-run] [--seed N] [--minilm build/minilm]
  gpu_correctness.py run [--dir gpu-run [--dir gpu-run-minilm]] --out gpu_correctness.md
"""

import argparse
import importlib.util
import io
import json
import lzma
import os
import shutil
import subprocess
import sys
import tarfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

REL_L2 = 1e-4
# The real model with dynamic activation quantization: float glue that
# rounds differently (libdevice's exp and erf on the GPU, the CPU's
# polynomial approximations) moves activations across code boundaries, and
# a code flip is far above any float tolerance. It is held instead to the
# fidelity that matters: the GPU's cosine to PyTorch fp32 within
# COSINE_SLACK of the CPU's, and the two within MIN_AGREEMENT of each other.
COSINE_SLACK = 1e-3
MIN_AGREEMENT = 0.999
# The example MLP in half precision. The CPU reference sums a half-precision
# matmul in its own type, rounding every partial sum (the linalg semantics);
# the GPU's tensor cores sum in f32 and round once. The two differ by the
# CPU's rounding (about 3e-3 relative L2 in f16), so both are measured
# against an exact evaluation of the same model: the same rounded weights
# and inputs in an f32 model, whose own error is far below either. The GPU
# passes if its error is no larger than the CPU reference's.
HALF_TYPES = ("f16", "bf16")
# Schemes also compiled with `sqz-compile --gpu-sparse-tensor-cores=false`
# (2:4 W8A8 decompressed onto the dense int8 kernel instead of mma.sp), as
# cases of their own.
SPARSE_TENSOR_CORE_SCHEMES = ("2:4 W8A8",)


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a, b = a.astype(np.float64), b.astype(np.float64)
    return np.sum(a * b, -1) / np.linalg.norm(a, axis=-1) / np.linalg.norm(b, axis=-1)


def fidelity(root, case, out_dir):
    """(ok, note) of a fidelity case."""
    spec = case["fidelity"]
    gpu = np.load(os.path.join(out_dir, spec["output"]))
    cpu = np.load(os.path.join(root, "ref", case["tag"], spec["output"]))
    torch = np.load(os.path.join(root, spec["pytorch"]))
    gpu_cos, cpu_cos = cosines(gpu, torch).mean(), cosines(cpu, torch).mean()
    agreement = cosines(gpu, cpu).mean()
    ok = abs(gpu_cos - cpu_cos) <= COSINE_SLACK and agreement >= MIN_AGREEMENT
    return ok, (f"cosine to PyTorch fp32: GPU {gpu_cos:.5f}, CPU {cpu_cos:.5f}; "
                f"GPU to CPU {agreement:.5f}")


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}): "
                           f"{(result.stderr or result.stdout).strip()}")
    return result.stdout


def prepare(args):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import check_compiled_models as suite

    root = os.path.abspath(args.dir)
    shutil.rmtree(root, ignore_errors=True)
    for sub in ("bin", "models", "ref", "work"):
        os.makedirs(os.path.join(root, sub))
    shutil.copy(args.exec, os.path.join(root, "bin", "sqz-exec"))
    shutil.copy(args.runtime, os.path.join(root, "bin", "libsqz_runtime.so"))
    work = os.path.join(root, "work")
    cases = []
    for name, source, entry in ([] if args.minilm_only else suite.models(work)):
        for label, options in suite.SCHEMES:
            tag = f"{name}-{label}".replace(" ", "_").replace(":", "")
            compressed = os.path.join(work, tag + ".mlir")
            run([args.opt, source, *options, "-o", compressed])
            run([args.run, compressed, "--entry", entry, "--random-inputs",
                 "--seed", str(args.seed), "--output-dir",
                 os.path.join(root, "ref", tag)])
            run([args.compile, compressed, "--target=cuda", "-o",
                 os.path.join(root, "models", tag + ".so")])
            cases.append(dict(tag=tag, model=name, scheme=label, entry=entry,
                              seed=args.seed))
            print(f"prepared {tag}", flush=True)
            if label in SPARSE_TENSOR_CORE_SCHEMES:
                # The same model decompressed onto the dense kernel, against
                # the same reference.
                sparse_tag = tag + "_decompressed"
                shutil.copytree(os.path.join(root, "ref", tag),
                                os.path.join(root, "ref", sparse_tag))
                run([args.compile, compressed, "--target=cuda",
                     "--gpu-sparse-tensor-cores=false", "-o",
                     os.path.join(root, "models", sparse_tag + ".so")])
                cases.append(dict(tag=sparse_tag, model=name,
                                  scheme=label + " (decompressed)", entry=entry,
                                  seed=args.seed))
                print(f"prepared {sparse_tag}", flush=True)
    if not args.minilm_only:
        cases += prepare_half_models(args, root, work)
    if args.minilm:
        cases += prepare_minilm(args, root, work)
    shutil.rmtree(work)
    with open(os.path.join(root, "cases.json"), "w") as f:
        json.dump(cases, f, indent=1)
    size = sum(os.path.getsize(os.path.join(d, n))
               for d, _, names in os.walk(root) for n in names)
    print(f"{len(cases)} cases in {root} ({size / 2**20:.1f} MiB)")


def prepare_half_models(args, root, work):
    """The example MLP in each of HALF_TYPES: the GPU library, the CPU
    reference (ref/TAG) and the exact reference (exact/TAG, the same model
    in f32 on the same inputs)."""
    import make_example_mlp as mlp

    weights = mlp.mlp_weights(0, [256, 512, 128])
    cases = []
    for dtype in HALF_TYPES:
        tag = f"mlp_{dtype}"
        source = os.path.join(work, tag + ".mlir")
        with open(source, "w") as f:
            f.write(mlp.mlp_text(weights, 4, 0, dtype=dtype))
        cpu = os.path.join(work, tag + "-cpu")
        run([args.run, source, "--entry", "mlp", "--random-inputs", "--seed",
             str(args.seed), "--output-dir", cpu, "--save-inputs"])
        os.makedirs(os.path.join(root, "ref", tag))
        shutil.copy(os.path.join(cpu, "out0.npy"), os.path.join(root, "ref", tag))
        # The exact model: the half values, held in f32.
        exact_source = os.path.join(work, tag + "-exact.mlir")
        with open(exact_source, "w") as f:
            f.write(mlp.mlp_text({k: mlp.rounded(v, dtype)
                                  for k, v in weights.items()}, 4, 0))
        x = np.load(os.path.join(cpu, "in0.npy"))
        x32 = os.path.join(work, tag + "-x32.npy")
        np.save(x32, mlp.rounded(x.astype(np.float32), dtype))
        run([args.run, exact_source, "--entry", "mlp", "--input", x32,
             "--output-dir", os.path.join(root, "exact", tag)])
        run([args.compile, source, "--target=cuda", "-o",
             os.path.join(root, "models", tag + ".so")])
        cases.append(dict(tag=tag, model=f"mlp ({dtype})", scheme=dtype,
                          entry="mlp", seed=args.seed, exact=True))
        print(f"prepared {tag}", flush=True)
    return cases


def against_exact(root, case, out_dir):
    """(ok, note): the GPU's and the CPU reference's relative L2 error
    against the exact evaluation; the GPU's may be no larger."""
    exact = np.load(os.path.join(root, "exact", case["tag"], "out0.npy"))
    exact = exact.astype(np.float64)
    norm = np.linalg.norm(exact)
    errors = {}
    for side, directory in (("GPU", out_dir),
                            ("CPU", os.path.join(root, "ref", case["tag"]))):
        got = np.load(os.path.join(directory, "out0.npy")).astype(np.float64)
        errors[side] = float(np.linalg.norm(got - exact) / norm)
    ok = bool(np.isfinite(errors["GPU"])) and errors["GPU"] <= errors["CPU"]
    return ok, (f"rel. L2 to the exact f32 evaluation: GPU {errors['GPU']:.2e}, "
                f"CPU {errors['CPU']:.2e} (the CPU sums in {case['scheme']})")


# examples/minilm/run.py's schemes that run on the GPU, by name: fp32, W8,
# W8A8 dynamic, W8A8 static asymmetric, W4 g128 and 2:4 + W8A8 (GPTQ and
# SmoothQuant change weight values, not the kernels).
MINILM_SCHEMES = ";".join([
    "fp32", "W8 per channel", "W8A8 dynamic per token",
    "W8A8 static, asymmetric MSE", "W4 g128 RTN", "2:4 (Wanda) + W8A8 dynamic",
])
# A GPU machine may take at most 64 MiB per copy, the repository's files
# included: the libraries travel as one xz stream (a dictionary large enough
# to store the word embeddings that every library holds once) cut into
# parts of this size.
PART_BYTES = 48 * 2**20


def minilm_schemes(names: str, stats: str, stats_dir: str):
    """[(number, label, weight passes, later passes)] of the schemes named
    (';'-separated) in examples/minilm/run.py's list; its number in the list
    names the case."""
    spec = importlib.util.spec_from_file_location(
        "minilm_run", os.path.join(ROOT, "examples", "minilm", "run.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    every = module.schemes(stats, stats_dir)
    numbers = {label: number for number, (label, _, _) in enumerate(every)}
    chosen = []
    for name in names.split(";"):
        if name not in numbers:
            raise SystemExit(f"gpu_correctness: no MiniLM scheme '{name}'; "
                             f"examples/minilm/run.py has: "
                             f"{'; '.join(numbers)}")
        chosen.append((numbers[name], *every[numbers[name]]))
    return chosen


def prepare_minilm(args, root, work):
    """The real model (examples/minilm's export in --minilm DIR) on its
    evaluation sentences, in the schemes of --minilm-schemes; the libraries
    as models/libraries.tar.xz.NN (see PART_BYTES)."""
    cases = []
    inputs_dir = os.path.join(root, "inputs", "minilm")
    os.makedirs(inputs_dir)
    inputs = []
    for name in ("in0.npy", "in1.npy"):
        shutil.copy(os.path.join(args.minilm, "eval", name), inputs_dir)
        inputs.append(os.path.join("inputs", "minilm", name))
    # PyTorch fp32's pooled embeddings, the fidelity reference.
    shutil.copy(os.path.join(args.minilm, "reference", "pooled.npy"),
                os.path.join(inputs_dir, "pytorch_pooled.npy"))
    stats_dir = os.path.join(args.minilm, "stats")
    libraries = os.path.join(work, "libraries")
    os.makedirs(libraries)
    for number, label, weight_passes, later_passes in minilm_schemes(
            args.minilm_schemes, os.path.join(stats_dir, "stats.json"), stats_dir):
        tag = f"minilm-{number}"
        compressed = os.path.join(work, tag + ".mlirbc")
        run([args.opt, os.path.join(args.minilm, "model.mlirbc"), *weight_passes,
             *later_passes, "--emit-bytecode", "-o", compressed])
        run([args.run, compressed, "--entry", "forward", "--input",
             ",".join(os.path.join(root, i) for i in inputs), "--output-dir",
             os.path.join(root, "ref", tag)])
        run([args.compile, compressed, "--target=cuda", "-o",
             os.path.join(libraries, tag + ".so")])
        os.remove(compressed)
        cases.append(dict(tag=tag, model="MiniLM (8 x 128 tokens)", scheme=label,
                          entry="forward", inputs=inputs,
                          fidelity=dict(output="out1.npy",
                                        pytorch="inputs/minilm/pytorch_pooled.npy")))
        print(f"prepared {tag} ({label})", flush=True)
    pack_libraries(libraries, os.path.join(root, "models"))
    return cases


def pack_libraries(libraries: str, models: str):
    """models/libraries.tar.xz.00, .01, ...: one xz stream of a tar of
    every library in LIBRARIES, cut into PART_BYTES pieces."""
    stream = io.BytesIO()
    with tarfile.open(fileobj=stream, mode="w") as tar:
        for name in sorted(os.listdir(libraries)):
            tar.add(os.path.join(libraries, name), arcname=name)
    # The dictionary reaches back over one library (at most ~94 MB), so the
    # embeddings that every library holds are stored once; compressing
    # takes about ten times its size in memory.
    filters = [{"id": lzma.FILTER_LZMA2, "preset": 6, "dict_size": 192 * 2**20}]
    packed = lzma.compress(stream.getvalue(), format=lzma.FORMAT_XZ, filters=filters)
    for index, start in enumerate(range(0, len(packed), PART_BYTES)):
        with open(os.path.join(models, f"libraries.tar.xz.{index:02d}"), "wb") as f:
            f.write(packed[start:start + PART_BYTES])
    print(f"libraries: {len(packed) / 2**20:.1f} MiB in "
          f"{-(-len(packed) // PART_BYTES)} parts", flush=True)


def unpack_libraries(models: str):
    """Undoes pack_libraries when its parts are there."""
    parts = sorted(n for n in os.listdir(models) if n.startswith("libraries.tar.xz."))
    if not parts:
        return
    expected = [f"libraries.tar.xz.{i:02d}" for i in range(len(parts))]
    if parts != expected:
        raise SystemExit(f"gpu_correctness: library parts {parts} are not "
                         f"{expected}: carry every part")
    packed = b"".join(open(os.path.join(models, n), "rb").read() for n in parts)
    try:
        data = lzma.decompress(packed)
    except lzma.LZMAError as error:
        raise SystemExit(f"gpu_correctness: the library parts do not decompress "
                         f"({error}): a part is missing or cut short")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        if hasattr(tarfile, "data_filter"):  # plain files only, when supported
            tar.extractall(models, filter="data")
        else:
            tar.extractall(models)


def compare(got: np.ndarray, ref: np.ndarray):
    """(ok, relative L2, max error / max |ref|, note)."""
    if got.dtype != ref.dtype or got.shape != ref.shape:
        return False, float("nan"), float("nan"), (
            f"{got.dtype}{got.shape} for {ref.dtype}{ref.shape}")
    if ref.dtype.kind != "f":
        differing = int(np.count_nonzero(got != ref))
        return differing == 0, 0.0 if differing == 0 else 1.0, 0.0, (
            "exact" if differing == 0 else f"{differing} elements differ")
    g, r = got.astype(np.float64), ref.astype(np.float64)
    if not np.all(np.isfinite(g)):
        return False, float("nan"), float("nan"), "non-finite values"
    norm = np.linalg.norm(r)
    rel = float(np.linalg.norm(g - r) / norm) if norm else float(np.linalg.norm(g))
    scale = float(np.max(np.abs(r))) if r.size else 0.0
    worst = float(np.max(np.abs(g - r)) / scale) if scale else 0.0
    return rel <= REL_L2, rel, worst, ""


def device_description():
    try:
        out = run(["nvidia-smi", "--query-gpu=name,driver_version,memory.total",
                   "--format=csv,noheader"])
        return out.strip().splitlines()[0]
    except (RuntimeError, FileNotFoundError):
        return "unknown (nvidia-smi failed)"


def run_case(root: str, case: dict):
    """(model, scheme, pass/FAIL, rel. L2, max err, ms, notes) of one case."""
    exe = os.path.join(root, "bin", "sqz-exec")
    out_dir = os.path.join(root, "gpu", case["tag"])
    library = os.path.join(root, "models", case["tag"] + ".so")
    if not os.path.exists(library) and os.path.exists(library + ".xz"):
        with lzma.open(library + ".xz") as f, open(library, "wb") as out:
            shutil.copyfileobj(f, out)
    if "inputs" in case:
        given = ["--input", ",".join(os.path.join(root, i) for i in case["inputs"])]
    else:
        given = ["--random-inputs", "--seed", str(case["seed"])]
    command = [exe, library, "--entry", case["entry"], *given, "--device",
               "cuda", "--output-dir", out_dir, "--repeat", "5"]
    start = time.time()
    try:
        stdout = run(command)
        median = next((line.split()[2] for line in stdout.splitlines()
                       if line.startswith("median time:")), "?")
        ref_dir = os.path.join(root, "ref", case["tag"])
        results = []
        for name in sorted(os.listdir(ref_dir)):
            results.append(compare(np.load(os.path.join(out_dir, name)),
                                   np.load(os.path.join(ref_dir, name))))
        ok = all(r[0] for r in results)
        rel = max(r[1] for r in results)
        worst = max(r[2] for r in results)
        notes = "; ".join(r[3] for r in results if r[3])
        if "fidelity" in case:
            ok, notes = fidelity(root, case, out_dir)
        if case.get("exact"):
            ok, notes = against_exact(root, case, out_dir)
    except RuntimeError as error:
        ok, rel, worst, median, notes = False, float("nan"), float("nan"), "-", str(error)
    print(f"{'ok  ' if ok else 'FAIL'} {case['tag']}: rel. L2 {rel:.2e} "
          f"({time.time() - start:.1f} s) {notes}", flush=True)
    return (case["model"], case["scheme"], "pass" if ok else "FAIL", rel, worst,
            median, notes)


def run_cases(args):
    rows, failures = [], 0
    for directory in args.dir:
        root = os.path.abspath(directory)
        unpack_libraries(os.path.join(root, "models"))
        with open(os.path.join(root, "cases.json")) as f:
            cases = json.load(f)
        for case in cases:
            row = run_case(root, case)
            failures += row[2] != "pass"
            rows.append(row)

    lines = [
        "# Squeeze on an NVIDIA GPU: correctness of every model and scheme",
        "",
        f"GPU: {device_description()}.",
        "",
        "Each model is compressed by `sqz-opt`, compiled with `sqz-compile "
        "--target=cuda` (sm_90 cubin, kernels from `sqz-lower-to-nvvm`) on the "
        "build machine and run here by `sqz-exec --device cuda` on the seeded "
        "random inputs that `sqz-run` used for the CPU reference. Integer outputs "
        f"must be equal, float outputs within {REL_L2:g} relative L2 of the "
        "reference; the real model is held to its fidelity instead (with int8 "
        "activations, float glue that rounds differently moves some codes by "
        "a step): the GPU's mean cosine to PyTorch fp32 within "
        f"{COSINE_SLACK:g} of the CPU's, GPU and CPU within {MIN_AGREEMENT:g}. "
        "The half-precision MLPs are held to an exact evaluation (the same "
        "rounded weights and inputs in f32): the GPU's tensor cores sum in "
        "f32 and round once, the CPU reference rounds every partial sum to "
        "the half type, and the GPU's error must be no larger than the "
        "CPU's. "
        "*max err* is the largest absolute error over the largest "
        "reference magnitude. *ms* is the median of 5 calls, copies to and from "
        "the GPU included (correctness kernels, not tuned: speed is measured "
        "elsewhere).",
        "",
        "| model | scheme | result | rel. L2 | max err | ms | notes |",
        "|---|---|---|---|---|---|---|",
    ]
    for model, scheme, result, rel, worst, median, notes in rows:
        lines.append(f"| {model} | {scheme} | {result} | {rel:.2e} | "
                     f"{worst:.2e} | {median} | {notes} |")
    lines += ["", f"{len(rows) - failures} of {len(rows)} pass.", "",
              "Re-run: see docs/gpu.md (`scripts/gpu-correctness.sh`)."]
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(rows) - failures} passed, {failures} failed")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    for tool in ("opt", "run", "compile", "exec", "runtime"):
        p.add_argument(f"--{tool}", required=True)
    p.add_argument("--dir", default="gpu-run")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--minilm", help="also the real model: examples/minilm's "
                   "work directory (build/minilm), after examples/minilm/run.py")
    p.add_argument("--minilm-only", action="store_true",
                   help="only the real model (a second folder: it is large)")
    p.add_argument("--minilm-schemes", default=MINILM_SCHEMES,
                   help="examples/minilm/run.py's scheme names, separated by "
                   f"';' (default: {MINILM_SCHEMES})")
    r = sub.add_parser("run")
    r.add_argument("--dir", action="append",
                   help="a prepared folder (repeatable; default gpu-run)")
    r.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.command == "run" and not args.dir:
        args.dir = ["gpu-run"]
    if args.command == "prepare":
        prepare(args)
        return 0
    return run_cases(args)


if __name__ == "__main__":
    sys.exit(main())
