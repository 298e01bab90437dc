#!/usr/bin/python3
"""Benchmark: how fast and how lean sqz-quantize-weights is on a large weight.

Builds a one-layer model with a 4096x4096 f32 `dense_resource` weight (seeded
random), stores it as MLIR bytecode, then times `sqz-quantize-weights` for
int4 per group of 128 and int8 per channel (the pass's own time from
`--mlir-timing`, median of --repeat runs) and measures peak memory (maximum
resident set of the whole sqz-opt process, from /usr/bin/time) above what
sqz-opt takes on an empty module (its code and libraries). Writes a Markdown table.

Usage: bench/quantize_weights.py --opt build/bin/sqz-opt [--size 4096]
                                 [--repeat 5] [--out bench/results/quantize_weights.md]
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

import numpy as np

SCHEMES = [
    ("int4 per group (128)", "bits=4 granularity=group group-size=128"),
    ("int8 per channel", "bits=8 granularity=channel"),
]


def write_model(path: str, size: int) -> None:
    rng = np.random.default_rng(0)
    weight = rng.standard_normal((size, size), dtype=np.float32)
    blob = (np.uint32(4).tobytes() + weight.astype("<f4").tobytes()).hex()
    with open(path, "w") as out:
        out.write(f"""func.func @layer(%x: tensor<8x{size}xf32>) -> tensor<8x{size}xf32> {{
  %w = arith.constant dense_resource<weight> : tensor<{size}x{size}xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x{size}xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<8x{size}xf32>) -> tensor<8x{size}xf32>
  %y = linalg.matmul ins(%x, %w : tensor<8x{size}xf32>, tensor<{size}x{size}xf32>)
                     outs(%acc : tensor<8x{size}xf32>) -> tensor<8x{size}xf32>
  return %y : tensor<8x{size}xf32>
}}
{{-#
  dialect_resources: {{ builtin: {{ weight: "0x{blob}" }} }}
#-}}
""")


def run(opt: str, model: str, pass_options: str | None) -> tuple[float, int]:
    """(seconds spent in the pass, peak RSS in bytes) of one sqz-opt run."""
    command = ["/usr/bin/time", "-f", "maxrss=%M", opt, model, "--emit-bytecode",
               "-o", os.devnull, "--mlir-timing"]
    if pass_options is not None:
        command.append(f"--sqz-quantize-weights={pass_options}")
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    rss = int(re.search(r"maxrss=(\d+)", result.stderr).group(1)) * 1024
    seconds = 0.0
    if pass_options is not None:
        line = re.search(r"([0-9.]+) \([ 0-9.]+%\)\s+SqzQuantizeWeights", result.stderr)
        seconds = float(line.group(1))
    return seconds, rss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opt", required=True)
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()

    weight_bytes = args.size * args.size * 4
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        text = os.path.join(workdir, "layer.mlir")
        model = os.path.join(workdir, "layer.mlirbc")
        write_model(text, args.size)
        subprocess.run([args.opt, text, "--emit-bytecode", "-o", model], check=True)
        os.remove(text)
        empty = os.path.join(workdir, "empty.mlir")
        with open(empty, "w") as out:
            out.write("module {}\n")
        _, floor = run(args.opt, empty, None)
        _, baseline = run(args.opt, model, None)
        for name, options in SCHEMES:
            runs = [run(args.opt, model, options) for _ in range(args.repeat)]
            seconds = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            rows.append((name, seconds, peak, (peak - floor) / weight_bytes))

    lines = [
        f"Weight: {args.size}x{args.size} f32 `dense_resource` "
        f"({weight_bytes / 2**20:.0f} MiB), model read from bytecode.",
        f"Peak RSS of sqz-opt on an empty module (code and libraries): {floor / 2**20:.0f} MiB; "
        f"reading and writing the model without the pass: {baseline / 2**20:.0f} MiB.",
        "",
        "| scheme | pass time (median of %d) | peak RSS | (peak - empty-module RSS) / weight bytes |"
        % args.repeat,
        "|---|---|---|---|",
    ]
    for name, seconds, peak, ratio in rows:
        lines.append(f"| {name} | {seconds * 1000:.0f} ms | {peak / 2**20:.0f} MiB | {ratio:.2f}x |")
    report = "\n".join(lines) + "\n"
    print(report, end="")
    if args.out:
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
        with open(args.out, "w") as out:
            out.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
