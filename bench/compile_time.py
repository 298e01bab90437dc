#!/usr/bin/python3
"""Benchmark: how sqz-run's compile time grows with the size of a model.

Builds MLPs of L layers (L in --layers) of WIDTH x WIDTH f32 `dense_resource`
weights (seeded random), quantizes them to int4 per group of 128 with
sqz-opt, then JIT-compiles and runs each once with `sqz-run --random-inputs
--compile-time`, which reports the wall time of parsing, lowering
(sqz-lower-to-cpu) and LLVM code generation. Each figure is the median of
--repeat runs. Writes a Markdown table with the time per layer, which stays
flat when compile time is proportional to the model's size.

Usage: bench/compile_time.py --opt build/bin/sqz-opt --run build/bin/sqz-run
           [--layers 25,50,100,200] [--width 256] [--repeat 3]
           [--out bench/results/compile_time.md]
"""

import argparse
import os
import re
import statistics
import subprocess
import tempfile

import numpy as np

PHASES = ("parse", "lowering", "LLVM")


def write_model(path: str, layers: int, width: int) -> None:
    rng = np.random.default_rng(0)
    body, blobs = [], []
    previous = "%x"
    for i in range(layers):
        body.append(f"  %w{i} = arith.constant dense_resource<w{i}> : tensor<{width}x{width}xf32>")
        body.append(f"  %y{i} = linalg.matmul ins({previous}, %w{i} : tensor<1x{width}xf32>, "
                    f"tensor<{width}x{width}xf32>) outs(%acc : tensor<1x{width}xf32>) "
                    f"-> tensor<1x{width}xf32>")
        previous = f"%y{i}"
        weight = (rng.standard_normal((width, width)) / np.sqrt(width)).astype("<f4")
        blobs.append(f'      w{i}: "0x{(np.uint32(4).tobytes() + weight.tobytes()).hex()}"')
    with open(path, "w") as out:
        out.write(f"func.func @mlp(%x: tensor<1x{width}xf32>) -> tensor<1x{width}xf32> {{\n")
        out.write("  %zero = arith.constant 0.0 : f32\n")
        out.write(f"  %e = tensor.empty() : tensor<1x{width}xf32>\n")
        out.write(f"  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<1x{width}xf32>) "
                  f"-> tensor<1x{width}xf32>\n")
        out.write("\n".join(body) + "\n")
        out.write(f"  return {previous} : tensor<1x{width}xf32>\n}}\n")
        out.write("{-#\n  dialect_resources: {\n    builtin: {\n")
        out.write(",\n".join(blobs) + "\n    }\n  }\n#-}\n")


def compile_once(run: str, model: str) -> dict:
    result = subprocess.run([run, model, "--entry", "mlp", "--random-inputs", "--compile-time"],
                            check=True, capture_output=True, text=True)
    times = {}
    for phase in PHASES:
        match = re.search(rf"{phase} ([0-9.]+) s", result.stderr)
        times[phase] = float(match.group(1))
    times["total"] = sum(times[p] for p in PHASES)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--opt", required=True)
    parser.add_argument("--run", required=True)
    parser.add_argument("--layers", default="25,50,100,200")
    parser.add_argument("--width", type=int, default=256)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for layers in [int(n) for n in args.layers.split(",")]:
            text = os.path.join(workdir, f"mlp{layers}.mlir")
            model = os.path.join(workdir, f"mlp{layers}.w4.mlir")
            write_model(text, layers, args.width)
            subprocess.run([args.opt, text, "--sqz-quantize-weights=bits=4 granularity=group "
                            "group-size=128", "-o", model], check=True)
            runs = [compile_once(args.run, model) for _ in range(args.repeat)]
            median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
            rows.append((layers, median))
            print(f"{layers} layers: " + ", ".join(f"{k} {v:.2f} s" for k, v in median.items()),
                  flush=True)

    lines = [
        f"MLPs of L layers of {args.width}x{args.width} weights, int4 per group of 128, "
        f"JIT-compiled by `sqz-run --compile-time` (median of {args.repeat} runs, wall time).",
        "",
        "| layers | parse | lowering | LLVM | total | total per layer |",
        "|---|---|---|---|---|---|",
    ]
    for layers, t in rows:
        lines.append(f"| {layers} | {t['parse']:.2f} s | {t['lowering']:.2f} s | {t['LLVM']:.2f} s "
                     f"| {t['total']:.2f} s | {1000 * t['total'] / layers:.1f} ms |")
    text = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w") as out:
            out.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
