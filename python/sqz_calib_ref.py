#!/usr/bin/python3
"""Numpy reference of static activation ranges from a statistics file.

Written from the formulas of docs/guide.md ("Static activation
quantization"), not from the C++:

* the per-channel statistics are divided by the smoothing factors s_j;
* minmax: max_j absmax_j (symmetric), min_j min_j / max_j max_j (asymmetric);
* percentile / mse work on one distribution of the tensor: every channel
  bin's count is spread uniformly over a common grid of 4096 equal fine bins
  covering all channels' (smoothed) ranges; for symmetric schemes the bins
  are folded onto |x| first (a bin across 0 split in proportion to its sides)
  and the grid starts at 0;
* percentile: the value below which p% of the mass lies (linear within a
  fine bin); asymmetric: the (100 - p)% and p% points;
* mse: grid search, symmetric t = A i / 256 (i = 1..256, largest t wins
  ties), asymmetric lo = L i / 64, hi = H j / 64 (i, j = 0..64, both from
  the top); expected error per fine bin of centre v and mass m:
  m * step^2 / 12 inside the range, m * (distance to the range)^2 outside;
* scale / zero point as sqz.quantize's dynamic rule, in f32.

Usage: sqz_calib_ref.py STATS LAYER [--range R] [--percentile P]
       [--asymmetric] [--bits B] [--smoothing s0,s1,...]
Prints "scale <f32 repr> zero_point <int|none>".
"""

import argparse
import sys

import numpy as np

import sqz_stats

F32 = np.float32
FINE = 4096


def merged(layer, smoothing, magnitude):
    h = layer["histogram"]
    bins = h["bins"]
    lo = np.asarray(h["lo"], np.float64) / smoothing
    hi = np.asarray(h["hi"], np.float64) / smoothing
    counts = np.asarray(h["counts"], np.float64)
    edges = lo[:, None] + (hi - lo)[:, None] * np.arange(bins + 1)[None, :] / bins
    edges[:, -1] = hi
    a, b, w = edges[:, :-1].ravel(), edges[:, 1:].ravel(), counts.ravel()
    if magnitude:
        ia, ib, iw = [], [], []
        for x, y, m in zip(a, b, w):
            if x >= 0:
                ia.append(x); ib.append(y); iw.append(m)
            elif y <= 0:
                ia.append(-y); ib.append(-x); iw.append(m)
            else:
                ia += [0.0, 0.0]; ib += [-x, y]
                iw += [m * -x / (y - x), m * y / (y - x)]
        a, b, w = np.array(ia), np.array(ib), np.array(iw)
    keep = w > 0
    g_lo = 0.0 if magnitude else a[keep].min()
    g_hi = b[keep].max()
    mass = np.zeros(FINE)
    width = (g_hi - g_lo) / FINE
    fine_edges = g_lo + width * np.arange(FINE + 1)
    for x, y, m in zip(a[keep], b[keep], w[keep]):
        if y - x <= 0:
            mass[min(max(int(np.floor((x - g_lo) / width)), 0), FINE - 1)] += m
            continue
        overlap = np.clip(np.minimum(y, fine_edges[1:]) - np.maximum(x, fine_edges[:-1]), 0, None)
        mass += m * overlap / (y - x)
    return g_lo, g_hi, mass


def quantile(g_lo, g_hi, mass, q):
    target = q * mass.sum()
    cum = np.concatenate([[0.0], np.cumsum(mass)])
    width = (g_hi - g_lo) / FINE
    for i in range(FINE):
        if mass[i] > 0 and cum[i] + mass[i] >= target:
            return g_lo + width * (i + min(max((target - cum[i]) / mass[i], 0.0), 1.0))
    return g_hi


def mse_symmetric(g_hi, mass, qmax):
    v = (np.arange(FINE) + 0.5) * g_hi / FINE
    best, best_err = g_hi, np.inf
    for i in range(256, 0, -1):
        t = g_hi * i / 256
        step = t / qmax
        err = np.sum(mass * np.where(v <= t, step * step / 12, (v - t) ** 2))
        if err < best_err:
            best, best_err = t, err
    return best


def mse_asymmetric(g_lo, g_hi, mass, levels):
    v = g_lo + (np.arange(FINE) + 0.5) * (g_hi - g_lo) / FINE
    full_lo, full_hi = min(g_lo, 0.0), max(g_hi, 0.0)
    best, best_err = (full_lo, full_hi), np.inf
    for i in range(64, -1, -1):
        for j in range(64, -1, -1):
            lo, hi = full_lo * i / 64, full_hi * j / 64
            if not hi > lo:
                continue
            step = (hi - lo) / levels
            out = np.where(v < lo, lo - v, np.where(v > hi, v - hi, 0.0))
            err = np.sum(mass * np.where(out > 0, out * out, step * step / 12))
            if err < best_err:
                best, best_err = (lo, hi), err
    return best


def params(layer, rng, percentile, symmetric, bits, smoothing):
    k = layer["channels"]
    s = np.ones(k) if smoothing is None else np.asarray(smoothing, np.float64)
    qmin, qmax = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if symmetric else (0, (1 << bits) - 1)
    if rng == "minmax":
        if symmetric:
            hi = float(np.max(np.asarray(layer["absmax"]) / s)); lo = -hi
        else:
            lo = min(float(np.min(np.asarray(layer["min"]) / s)), 0.0)
            hi = max(float(np.max(np.asarray(layer["max"]) / s)), 0.0)
    else:
        g_lo, g_hi, mass = merged(layer, s, symmetric)
        p = percentile / 100
        if rng == "percentile":
            if symmetric:
                hi = quantile(g_lo, g_hi, mass, p); lo = -hi
            else:
                lo, hi = quantile(g_lo, g_hi, mass, 1 - p), quantile(g_lo, g_hi, mass, p)
        elif symmetric:
            hi = mse_symmetric(g_hi, mass, qmax); lo = -hi
        else:
            lo, hi = mse_asymmetric(g_lo, g_hi, mass, qmax - qmin)
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    lo32, hi32 = F32(lo), F32(hi)
    scale = (max(-lo32, hi32) / F32(qmax)) if symmetric else ((hi32 - lo32) / F32(qmax - qmin))
    scale = F32(scale)
    if scale == 0 or not np.isfinite(scale):
        scale = F32(1)
    if symmetric:
        return scale, None
    zp = int(np.clip(F32(qmin) - np.rint(lo32 / scale), qmin, qmax))
    return scale, zp


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("stats")
    parser.add_argument("layer")
    parser.add_argument("--range", default="minmax")
    parser.add_argument("--percentile", type=float, default=99.99)
    parser.add_argument("--asymmetric", action="store_true")
    parser.add_argument("--bits", type=int, default=8)
    parser.add_argument("--smoothing")
    args = parser.parse_args()
    layer = sqz_stats.load(args.stats)["layers"][args.layer]
    smoothing = None if args.smoothing is None else [float(v) for v in args.smoothing.split(",")]
    scale, zp = params(layer, args.range, args.percentile, not args.asymmetric, args.bits, smoothing)
    print(f"scale {np.format_float_scientific(scale, precision=9)} zero_point {zp if zp is not None else 'none'}")


if __name__ == "__main__":
    sys.exit(main())
