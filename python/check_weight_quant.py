#!/usr/bin/python3
"""Checks sqz-quantize-weights bit for bit against the numpy reference.

For every scheme (bits x granularity x symmetry x weight layout) it writes a
one-layer model with a seeded random weight (with a zero output channel and
a few large outliers), runs `sqz-opt --sqz-quantize-weights`, reads the
codes, scales and zero points back from the printed constants and compares
them with python/sqz_ref.py: codes and zero points exactly, scales to the
bit, and the weight MSE it reports to 1e-6. Prints one line per scheme; exits 1 on any mismatch.

Usage: check_weight_quant.py --opt PATH/TO/sqz-opt [--seed N]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sqz_ref  # noqa: E402

K, N, M = 256, 96, 4
MSE = re.compile(r'mse = ([-+0-9.eE]+) : f64')
SCALAR = re.compile(r'arith\.constant dense<([-+0-9.eE]+)> : tensor<(f32|i32)>')
CONSTANT = re.compile(r'arith\.constant dense<"0x([0-9A-F]+)"> : tensor<((?:[0-9]+x)*)(i\d+|f32)>')


def make_weight(rng: np.random.Generator) -> np.ndarray:
    w = rng.standard_normal((K, N)).astype(np.float32)
    w[:, 7] = 0.0                      # an all-zero output channel
    w[3, 11] = 40.0                    # outliers
    w[200, 50] = -25.0
    return w


def model(w: np.ndarray, transposed: bool) -> str:
    stored = w.T if transposed else w
    shape = "x".join(map(str, stored.shape))
    blob = np.ascontiguousarray(stored).astype("<f4").tobytes().hex().upper()
    maps = ""
    if transposed:
        maps = ("indexing_maps = [affine_map<(m, n, k) -> (m, k)>, "
                "affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]")
    return f"""
func.func @layer(%x: tensor<{M}x{K}xf32>) -> tensor<{M}x{N}xf32> {{
  %w = arith.constant dense<"0x{blob}"> : tensor<{shape}xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<{M}x{N}xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<{M}x{N}xf32>) -> tensor<{M}x{N}xf32>
  %y = linalg.matmul {maps} ins(%x, %w : tensor<{M}x{K}xf32>, tensor<{shape}xf32>)
                     outs(%acc : tensor<{M}x{N}xf32>) -> tensor<{M}x{N}xf32>
  return %y : tensor<{M}x{N}xf32>
}}
"""


def read_constants(text: str) -> dict:
    """The codes, scales and zero points printed by sqz-opt, by element type."""
    found = {}
    for blob, shape, elem in CONSTANT.findall(text):
        dims = tuple(int(d) for d in shape.split("x") if d)
        raw = bytes.fromhex(blob)
        if elem == "f32":
            found["scales"] = np.frombuffer(raw, "<f4").reshape(dims)
        elif elem == "i32":
            found["zero_points"] = np.frombuffer(raw, "<i4").reshape(dims)
        else:
            found["codes"] = np.frombuffer(raw, np.int8).reshape(dims)
            found["bits"] = int(elem[1:])
    # Rank-0 parameters are printed in decimal, with digits enough to
    # round-trip an f32.
    for value, elem in SCALAR.findall(text):
        if elem == "f32":
            found["scales"] = np.array(np.float32(float(value)))
        else:
            found["zero_points"] = np.array(np.int32(int(value)))
    return found


def check(opt: str, w: np.ndarray, bits: int, granularity: str, symmetric: bool,
          transposed: bool, workdir: str) -> bool:
    path = os.path.join(workdir, "layer.mlir")
    with open(path, "w") as out:
        out.write(model(w, transposed))
    options = (f"bits={bits} granularity={granularity} group-size=64 "
               f"symmetric={'true' if symmetric else 'false'}")
    text = subprocess.run(
        [opt, path, f"--sqz-quantize-weights={options}",
         "--mlir-print-elementsattrs-with-hex-if-larger=0"],
        check=True, capture_output=True, text=True).stdout
    got = read_constants(text)

    stored = w.T if transposed else w
    channel_axis, reduction_axis = (0, 1) if transposed else (1, 0)
    ref_granularity = {"tensor": "tensor", "channel": ("channel", channel_axis),
                       "group": ("group", reduction_axis, 64)}[granularity]
    codes, scales, zps = sqz_ref.quantize_rtn(stored, ref_granularity, bits, symmetric)
    # Codes are stored as signless bytes: compare their low `bits` bits.
    mask = (1 << bits) - 1
    ok = ("codes" in got and got["bits"] == bits and
          np.array_equal(got["codes"].astype(np.int64) & mask, codes.astype(np.int64) & mask) and
          np.array_equal(got["scales"].reshape(scales.shape).view(np.uint32), scales.view(np.uint32)))
    if not symmetric:
        ok = ok and np.array_equal(got.get("zero_points", np.zeros(0)).reshape(zps.shape), zps)
    error = float(np.mean((sqz_ref.dequantize(codes, scales, zps, ref_granularity)
                           .astype(np.float64) - stored) ** 2))
    reported = MSE.search(text)
    ok = ok and reported is not None and np.isclose(float(reported.group(1)), error,
                                                    rtol=1e-6, atol=0)
    layout = "[N, K]" if transposed else "[K, N]"
    print(f"{'ok  ' if ok else 'FAIL'} bits={bits} {granularity:7s} "
          f"{'symmetric ' if symmetric else 'asymmetric'} {layout}  weight MSE {error:.3e}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opt", required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    w = make_weight(np.random.default_rng(args.seed))
    failures = 0
    with tempfile.TemporaryDirectory() as workdir:
        for bits in (8, 4, 2):
            for granularity in ("tensor", "channel", "group"):
                for symmetric in (True, False):
                    for transposed in (False, True):
                        if not check(args.opt, w, bits, granularity, symmetric,
                                     transposed, workdir):
                            failures += 1
    print(f"{failures} mismatching schemes")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
