#!/usr/bin/python3
"""Checks sqz-quantize-activations mode=static against python/sqz_calib_ref.py.

For several seeded statistics files (channels of very different ranges,
random histograms, some bins straddling 0, with and without sqz.smoothing
factors) and every range (minmax, percentile at 99.9 and 99, mse) x
symmetric / asymmetric x 8 / 4 bits, runs sqz-opt and compares the scale and
zero point constants with the numpy reference bit for bit (scale as f32).
Prints one line per case; exits 1 on any mismatch.

Usage: check_static_activations.py --opt PATH/TO/sqz-opt
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sqz_calib_ref as ref  # noqa: E402

K, N, BINS = 16, 4, 32
SCALE = re.compile(r"arith\.constant dense<([-+0-9.eE]+)> : tensor<f32>")
ZP = re.compile(r"arith\.constant dense<(-?[0-9]+)> : tensor<i32>")


def make_layer(rng):
    spread = np.exp(rng.uniform(-2, 3, K))
    lo = -spread * rng.uniform(0.1, 1.0, K)
    hi = spread * rng.uniform(0.1, 1.0, K)
    lo[0] = 0.25   # a channel entirely positive
    hi[0] = max(hi[0], 2 * lo[0])
    counts = rng.integers(0, 100, (K, BINS))
    counts[:, BINS // 2] += 500
    return {
        "channels": K,
        "min": lo.tolist(), "max": hi.tolist(),
        "absmax": np.maximum(-lo, hi).tolist(),
        "histogram": {"bins": BINS, "lo": lo.tolist(), "hi": hi.tolist(),
                      "counts": counts.tolist()},
    }


def model(smoothing):
    attr = ""
    if smoothing is not None:
        values = ", ".join(f"{v:.9e}" for v in smoothing)
        attr = f", sqz.smoothing = dense<[{values}]> : tensor<{K}xf32>"
    return f"""
func.func @f(%x: tensor<2x{K}xf32>) -> tensor<2x{N}xf32> {{
  %c = arith.constant dense<1> : tensor<{K}x{N}xi8>
  %sw = arith.constant dense<0.5> : tensor<{N}xf32>
  %w = sqz.pack %c scales(%sw : tensor<{N}xf32>) : tensor<{K}x{N}xi8> -> !sqz.tensor<{K}x{N}xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %y = sqz.matmul %x, %w {{sqz.layer = "l"{attr}}} : tensor<2x{K}xf32>, !sqz.tensor<{K}x{N}xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x{N}xf32>
  return %y : tensor<2x{N}xf32>
}}
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opt", required=True)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    mismatches = cases = 0
    with tempfile.TemporaryDirectory() as work:
        for trial in range(3):
            layer = make_layer(rng)
            smoothing = None if trial == 0 else rng.uniform(0.2, 5.0, K).astype(np.float32)
            stats = os.path.join(work, f"stats{trial}.json")
            with open(stats, "w") as f:
                json.dump({"format": "sqz-stats", "version": 1, "layers": {"l": layer}}, f)
            source = os.path.join(work, f"m{trial}.mlir")
            with open(source, "w") as f:
                f.write(model(smoothing))
            for rng_name, pct in (("minmax", 99.99), ("percentile", 99.9),
                                  ("percentile", 99.0), ("mse", 99.99)):
                for symmetric in (True, False):
                    for bits in (8, 4):
                        option = (f"--sqz-quantize-activations=mode=static stats={stats} "
                                  f"range={rng_name} percentile={pct} bits={bits} "
                                  f"symmetric={'true' if symmetric else 'false'}")
                        out = subprocess.run([args.opt, source, option], capture_output=True,
                                             text=True)
                        if out.returncode != 0:
                            sys.stderr.write(out.stderr)
                            return 1
                        got_scale = np.float32(SCALE.search(out.stdout).group(1))
                        zp_match = ZP.search(out.stdout)
                        got_zp = int(zp_match.group(1)) if zp_match else None
                        s = None if smoothing is None else smoothing.astype(np.float64)
                        want_scale, want_zp = ref.params(layer, rng_name, pct, symmetric,
                                                         bits, s)
                        ok = got_scale == want_scale and got_zp == want_zp
                        cases += 1
                        mismatches += not ok
                        print(f"{'ok  ' if ok else 'FAIL'} trial {trial} {rng_name} {pct} "
                              f"{'sym' if symmetric else 'asym'} {bits} bits: scale "
                              f"{got_scale!r} (numpy {want_scale!r}), zero point {got_zp} "
                              f"(numpy {want_zp})")
    print(f"{cases} cases, {mismatches} mismatching")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
