#!/usr/bin/python3
"""Compresses a model with several schemes, runs each, and reports.

For each scheme: sqz-opt applies the passes (and writes the sqz-report),
sqz-run JIT-runs the result on the same seeded inputs as the fp32 model, and
the table gives weight bytes before and after, the compression ratio, the
output error against the fp32 model (relative L2 and max abs) and the median
run time. This is what README command 1 runs on examples/mlp.mlir.

Usage: compress_example.py --opt sqz-opt --run sqz-run MODEL.mlir --entry NAME
                           [--workdir DIR] [--repeat N]
"""

import argparse
import json
import os
import re
import subprocess
import sys

import numpy as np

SCHEMES = [
    ("W8 per channel", ["--sqz-quantize-weights=bits=8 granularity=channel"]),
    ("W8A8 per channel / per token",
     ["--sqz-quantize-weights=bits=8 granularity=channel",
      "--sqz-quantize-activations=mode=dynamic granularity=token",
      "--sqz-fold-scales"]),
    ("W4 per group of 128", ["--sqz-quantize-weights=bits=4 granularity=group group-size=128"]),
    ("W4 per channel", ["--sqz-quantize-weights=bits=4 granularity=channel"]),
]


def run(command: list[str]) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"compress_example: failed: {' '.join(command)}")
    return result


def execute(args, model: str, name: str) -> tuple[np.ndarray, float]:
    out = os.path.join(args.workdir, name)
    result = run([args.run, model, "--entry", args.entry, "--random-inputs",
                  "--seed", "0", "--output-dir", out, "--repeat", str(args.repeat)])
    time_ms = float(re.search(r"median time: ([0-9.]+) ms", result.stdout).group(1))
    return np.load(os.path.join(out, "out0.npy")), time_ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("model")
    parser.add_argument("--opt", required=True)
    parser.add_argument("--run", required=True)
    parser.add_argument("--entry", required=True)
    parser.add_argument("--workdir", default="examples/out")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)

    reference, fp32_ms = execute(args, args.model, "fp32")
    rows = [("fp32", None, None, 0.0, 0.0, fp32_ms)]
    for index, (name, passes) in enumerate(SCHEMES):
        compressed = os.path.join(args.workdir, f"scheme{index}.mlir")
        report_path = os.path.join(args.workdir, f"scheme{index}.report.json")
        # The report describes the compressed weights, before sqz-fold-scales
        # turns the matmuls into plain integer linalg.
        quantize = [p for p in passes if p != "--sqz-fold-scales"]
        folds = [p for p in passes if p == "--sqz-fold-scales"]
        run([args.opt, args.model, *quantize,
             f"--sqz-report=format=json output={report_path}", *folds,
             "-o", compressed])
        with open(report_path) as f:
            totals = json.load(f)["totals"]
        output, ms = execute(args, compressed, f"scheme{index}")
        error = float(np.linalg.norm(output - reference) / np.linalg.norm(reference))
        max_abs = float(np.max(np.abs(output - reference)))
        rows.append((name, totals["bytes_before"], totals["bytes_after"], error,
                     max_abs, ms))
        if index == 0:
            print(f"== sqz-report for {name} ==")
            print(run([args.opt, args.model, *passes, "--sqz-report",
                       "-o", os.devnull]).stderr)

    print(f"== {args.model}: @{args.entry} on seeded inputs, vs fp32 ==")
    print(f"{'scheme':32s} {'weights before':>15s} {'after':>10s} {'ratio':>6s} "
          f"{'rel. L2 error':>14s} {'max abs err':>12s} {'time (ms)':>10s}")
    for name, before, after, error, max_abs, ms in rows:
        sizes = (f"{before:15d} {after:10d} {before / after:6.2f}"
                 if before else f"{'-':>15s} {'-':>10s} {'-':>6s}")
        print(f"{name:32s} {sizes} {error:14.3e} {max_abs:12.3e} {ms:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
