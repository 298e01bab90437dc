#!/usr/bin/python3
"""Checks sqz-outlier-split numerically, end to end with sqz-run.

A linear layer y = x W + b (x [M, K], W [K, N] or the PyTorch [N, K]
layout) whose input has a few channels far larger than the rest (seeded
generator: normal activations, three channels scaled by 60). The statistics
file holds the per-channel min / max / absmax of a separate calibration batch
from the same distribution, computed by numpy. Runs, with sqz-run:

* fp32: the model as it is;
* split: --sqz-outlier-split alone, which must equal fp32 within 1e-5
  (relative to max |y|; only the summation order differs);
* W8A8: --sqz-quantize-weights --sqz-quantize-activations (dynamic, per
  tensor), and
* split + W8A8: the same after --sqz-outlier-split (the outlier part stays
  float), which must have a smaller error against fp32 than plain W8A8, by
  at least a factor 4;
* split + W8A8 static: quantize-activations mode=static from the same
  statistics (the rest's channels are found through its gather), again
  better than plain W8A8.

Prints one line per check; exits 1 on any failure.

Usage: check_outlier_split.py --opt PATH/TO/sqz-opt --run PATH/TO/sqz-run [--seed N]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

M, K, N = 32, 64, 48
OUTLIERS = (5, 17, 40)
NAME = "model.linear0"


def make_inputs(rng):
    def batch(rows):
        x = rng.standard_normal((rows, K)).astype(np.float32)
        x[:, list(OUTLIERS)] *= 60.0
        return x
    x = batch(M)
    calibration = batch(256)
    w = (rng.standard_normal((K, N)) * 0.1).astype(np.float32)
    b = (rng.standard_normal(N) * 0.1).astype(np.float32)
    return x, calibration, w, b


def statistics(calibration):
    return {
        "format": "sqz-stats",
        "version": 1,
        "layers": {
            NAME: {
                "channels": K,
                "count": int(calibration.shape[0]),
                "min": [float(v) for v in calibration.min(axis=0)],
                "max": [float(v) for v in calibration.max(axis=0)],
                "absmax": [float(v) for v in np.abs(calibration).max(axis=0)],
            }
        },
    }


def model(w, b, transposed):
    def blob(a):
        return np.ascontiguousarray(a).astype("<f4").tobytes().hex().upper()
    if transposed:
        wt = np.ascontiguousarray(w.T)
        weight = f'%w = arith.constant dense<"0x{blob(wt)}"> : tensor<{N}x{K}xf32>'
        matmul = (f"%y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, "
                  f"affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] "
                  f"ins(%x, %w : tensor<{M}x{K}xf32>, tensor<{N}x{K}xf32>) "
                  f"outs(%acc : tensor<{M}x{N}xf32>) -> tensor<{M}x{N}xf32>")
    else:
        weight = f'%w = arith.constant dense<"0x{blob(w)}"> : tensor<{K}x{N}xf32>'
        matmul = (f"%y = linalg.matmul ins(%x, %w : tensor<{M}x{K}xf32>, tensor<{K}x{N}xf32>) "
                  f"outs(%acc : tensor<{M}x{N}xf32>) -> tensor<{M}x{N}xf32>")
    return f"""
func.func @model(%x: tensor<{M}x{K}xf32>) -> tensor<{M}x{N}xf32> {{
  {weight}
  %b = arith.constant dense<"0x{blob(b)}"> : tensor<{N}xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<{M}x{N}xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<{M}x{N}xf32>) -> tensor<{M}x{N}xf32>
  {matmul}
  %bb = linalg.broadcast ins(%b : tensor<{N}xf32>) outs(%e : tensor<{M}x{N}xf32>) dimensions = [0]
  %z = linalg.add ins(%y, %bb : tensor<{M}x{N}xf32>, tensor<{M}x{N}xf32>) outs(%e : tensor<{M}x{N}xf32>) -> tensor<{M}x{N}xf32>
  return %z : tensor<{M}x{N}xf32>
}}
"""


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"check_outlier_split: failed: {' '.join(command)}")
    return result.stdout


def execute(args, work, tag, source, passes, x_path):
    path = os.path.join(work, f"{tag}.mlir")
    if passes:
        run([args.opt, source, *passes, "-o", path])
    else:
        path = source
    out = os.path.join(work, f"out-{tag}")
    run([args.run, path, "--entry", "model", "--input", x_path, "--output-dir", out])
    return np.load(os.path.join(out, "out0.npy")), open(path).read()


def relative_l2(a, ref):
    a, ref = a.astype(np.float64), ref.astype(np.float64)
    return float(np.linalg.norm(a - ref) / np.linalg.norm(ref))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opt", required=True)
    parser.add_argument("--run", required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    x, calibration, w, b = make_inputs(rng)
    failures = 0

    def report(ok, text):
        nonlocal failures
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {text}")

    with tempfile.TemporaryDirectory() as work:
        stats_path = os.path.join(work, "stats.json")
        with open(stats_path, "w") as f:
            json.dump(statistics(calibration), f)
        x_path = os.path.join(work, "x.npy")
        np.save(x_path, x)
        reference = x.astype(np.float64) @ w.astype(np.float64) + b
        split = [f"--sqz-outlier-split=threshold=6.0 stats={stats_path}"]
        w8a8 = ["--sqz-quantize-weights", "--sqz-quantize-activations"]
        static = ["--sqz-quantize-weights",
                  f"--sqz-quantize-activations=mode=static stats={stats_path}"]
        for transposed in (False, True):
            layout = "[N, K]" if transposed else "[K, N]"
            source = os.path.join(work, f"model{int(transposed)}.mlir")
            with open(source, "w") as f:
                f.write(model(w, b, transposed))
            fp32, _ = execute(args, work, "fp32", source, [], x_path)
            report(relative_l2(fp32, reference) < 1e-6,
                   f"{layout} fp32 matches numpy (relative L2 {relative_l2(fp32, reference):.2e})")
            only, ir = execute(args, work, "split", source, split, x_path)
            diff = float(np.max(np.abs(only.astype(np.float64) - fp32)) /
                         np.max(np.abs(fp32)))
            report(diff <= 1e-5 and f'"{NAME}.outliers"' in ir,
                   f"{layout} split equals fp32: max abs diff / max |y| {diff:.2e} <= 1e-5")
            plain, _ = execute(args, work, "w8a8", source, w8a8, x_path)
            both, ir = execute(args, work, "split-w8a8", source, split + w8a8, x_path)
            stat, sir = execute(args, work, "split-static", source, split + static, x_path)
            e_plain = relative_l2(plain, fp32)
            e_both = relative_l2(both, fp32)
            e_stat = relative_l2(stat, fp32)
            report("sqz.quantize" in ir and e_both * 4 < e_plain,
                   f"{layout} split + W8A8 beats W8A8: relative L2 {e_both:.2e} vs {e_plain:.2e}")
            report("scales(" in sir and e_stat * 4 < e_plain,
                   f"{layout} split + W8A8 static beats W8A8: relative L2 {e_stat:.2e} vs {e_plain:.2e}")
    print(f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
