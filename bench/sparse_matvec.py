#!/usr/bin/python3
"""Benchmark: matrix-vector product with a dense, 2:4 sparse, int8 and
2:4 + int8 weight on the CPU.

y[1, N] = x[1, K] @ W with W a constant [K, N] weight (or [N, K],
rhs_transposed), K = N = 4096 by default, seeded random data. Each variant is
one `sqz.matmul` on a `sqz.pack` constant, compiled by `sqz-run`'s default
pipeline (sqz-lower-to-cpu: a 2:4 weight is read directly, only its kept
values and 2-bit positions) and timed with `sqz-run --repeat`, all in the
same run of this script:

  dense f32         plain f32 weight
  2:4 f32           kept f32 values + positions (4 to a byte)
  dense W8          int8 codes per output channel, f32 activations
  2:4 W8            kept int8 codes + positions, f32 activations
  dense W8A8        int8 codes, activations quantized per tensor at run time
                    (i8 x i8 -> i32)
  2:4 W8A8          the same on kept codes

"weight bytes" is what the kernel has to read of the weight: values (or
codes) + positions + scales. Writes a Markdown table.

Usage: bench/sparse_matvec.py --run build/bin/sqz-run [--size 4096]
                              [--repeat 50] [--out bench/results/sparse_matvec.md]
"""

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile

import numpy as np

VARIANTS = [
    # (name, sparse, weight quantized, activations quantized)
    ("dense f32", False, False, False),
    ("2:4 f32", True, False, False),
    ("dense W8 (f32 act)", False, True, False),
    ("2:4 W8 (f32 act)", True, True, False),
    ("dense W8A8", False, True, True),
    ("2:4 W8A8", True, True, True),
]


def hex_literal(array: np.ndarray) -> str:
    return '"0x' + np.ascontiguousarray(array).tobytes().hex().upper() + '"'


def shape(dims, element):
    return "x".join(str(d) for d in dims) + "x" + element


def write_model(path: str, size: int, transposed: bool, sparse: bool,
                quantized: bool, quantized_act: bool) -> int:
    """Writes the module; returns the weight bytes the kernel reads."""
    rng = np.random.default_rng(0)
    k = n = size
    axis = 1 if transposed else 0
    logical = (n, k) if transposed else (k, n)
    stored = list(logical)
    if sparse:
        stored[axis] //= 2
    if quantized:
        values = rng.integers(-127, 128, stored, dtype=np.int8)
        element = "i8"
    else:
        values = rng.standard_normal(stored, dtype=np.float32)
        element = "f32"
    lines = [f"  %v = arith.constant dense<{hex_literal(values)}> : tensor<{shape(stored, element)}>"]
    weight_bytes = values.nbytes
    parts = ""
    encodings = []
    if quantized:
        scales = (rng.random(n, dtype=np.float32) * 0.01 + 0.001).astype(np.float32)
        lines.append(f"  %s = arith.constant dense<{hex_literal(scales)}> : tensor<{n}xf32>")
        parts += f" scales(%s : tensor<{n}xf32>)"
        encodings.append(f"#sqz.quant<i8, per_channel({0 if transposed else 1}), symmetric>")
        weight_bytes += scales.nbytes
    if sparse:
        # Two sorted positions out of four per group along the sparse axis.
        pairs = np.array([(a, b) for a in range(4) for b in range(a + 1, 4)], dtype=np.int8)
        moved = list(stored)
        moved[axis] //= 2
        choice = rng.integers(0, len(pairs), moved)
        positions = np.stack([pairs[choice, 0], pairs[choice, 1]], axis=axis + 1)
        positions = positions.reshape(stored).astype(np.int8)
        lines.append(f"  %p = arith.constant dense<{hex_literal(positions)}> : tensor<{shape(stored, 'i8')}>")
        parts += f" metadata(%p : tensor<{shape(stored, 'i8')}>)"
        encodings.append(f"#sqz.sparsity<nm(2, 4, {axis})>")
        # Packed four 2-bit positions to a byte by the lowering.
        weight_bytes += positions.size // 4
    attrs = " {rhs_transposed}" if transposed else ""
    if encodings:
        w_type = f"!sqz.tensor<{shape(logical, 'f32')}, {', '.join(encodings)}>"
        lines.append(f"  %w = sqz.pack %v{parts} : tensor<{shape(stored, element)}> -> {w_type}")
        w = "%w"
    else:
        w_type, w = f"tensor<{shape(logical, 'f32')}>", "%v"
    lhs, lhs_type = "%x", f"tensor<1x{k}xf32>"
    if quantized_act:
        lhs_type = f"!sqz.tensor<1x{k}xf32, #sqz.quant<i8, per_tensor, symmetric>>"
        lines.append(f"  %q = sqz.quantize %x : tensor<1x{k}xf32> -> {lhs_type}")
        lhs = "%q"
    lines.append(f"  %y = sqz.matmul {lhs}, {w}{attrs} : {lhs_type}, {w_type} -> tensor<1x{n}xf32>")
    lines.append(f"  return %y : tensor<1x{n}xf32>")
    with open(path, "w") as out:
        out.write(f"func.func @matvec(%x: tensor<1x{k}xf32>) -> tensor<1x{n}xf32> {{\n"
                  + "\n".join(lines) + "\n}\n")
    return weight_bytes


def time_model(run: str, path: str, x_path: str, repeat: int) -> float:
    result = subprocess.run([run, path, "--entry", "matvec", "--input", x_path,
                             "--repeat", str(repeat), "--output-dir", os.path.dirname(path)],
                            check=True, capture_output=True, text=True)
    return float(re.search(r"median time: ([0-9.]+) ms", result.stdout + result.stderr).group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--run", required=True)
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        x_path = os.path.join(workdir, "x.npy")
        np.save(x_path, np.random.default_rng(1).standard_normal((1, args.size), dtype=np.float32))
        for transposed in (False, True):
            for name, sparse, quantized, quantized_act in VARIANTS:
                path = os.path.join(workdir, "matvec.mlir")
                weight_bytes = write_model(path, args.size, transposed, sparse, quantized,
                                           quantized_act)
                ms = time_model(args.run, path, x_path, args.repeat)
                os.remove(path)
                rows.append(("[N, K]" if transposed else "[K, N]", name, weight_bytes, ms))
                print(f"{rows[-1][0]} {name}: {ms:.3f} ms", file=sys.stderr)

    base = {layout: ms for layout, name, _, ms in rows if name == "dense f32"}
    lines = [
        f"x[1, {args.size}] @ W, W {args.size}x{args.size} as [K, N] or [N, K] "
        f"(rhs_transposed), `sqz-run` (sqz-lower-to-cpu) median of {args.repeat} runs, "
        f"one thread, {platform.machine()} ({os.cpu_count()} cores).",
        "",
        "| W layout | weight | weight bytes read | time | speed-up vs dense f32 | GB/s of weight |",
        "|---|---|---|---|---|---|",
    ]
    for layout, name, weight_bytes, ms in rows:
        lines.append(f"| {layout} | {name} | {weight_bytes / 2**20:.1f} MiB | {ms:.2f} ms | "
                     f"{base[layout] / ms:.2f}x | {weight_bytes / ms / 1e6:.1f} |")
    report = "\n".join(lines) + "\n"
    print(report, end="")
    if args.out:
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
        with open(args.out, "w") as out:
            out.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
