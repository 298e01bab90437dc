#!/usr/bin/python3
"""Numpy reference of SmoothQuant smoothing (sqz-smoothquant), written from
the formulas in docs/guide.md (SmoothQuant):

    s_j = absmax_j ** alpha / wmax_j ** (1 - alpha)   (1 when either is 0)

with absmax the calibrated max |x_j| of the layers' common input and wmax_j
the largest |W[j, n]| over row j (the reduction axis) of every weight of the
group, weights as [K, N]. The factors are computed in float64 and stored as
float32; W[j, :] *= s_j and gamma_j / s_j in float32.

search_alpha picks alpha from 0, 0.05, ..., 1 by the smallest estimated
squared output error of W8A8 per-tensor symmetric quantization:

    E = sum_layers sum_{j,n} m_j / s_j^2 * dW[j,n]^2 + (step_x^2 / 12) W'[j,n]^2

W' = s_j W (float64), step_w = max|W'| / 127, dW = clip(round(W'/step_w),
-127, 127) * step_w - W' (round half to even), step_x = max_j(absmax_j / s_j)
/ 127, m_j = sumsq_j / count when both are given, else absmax_j^2. The first
alpha of the grid wins a tie.

Also computes statistics (docs/statistics.md) of calibration inputs.
"""

import numpy as np

ALPHAS = [step / 20.0 for step in range(21)]


def factors(absmax, weights_kn, alpha):
    """float64 smoothing factors of one group."""
    absmax = np.asarray(absmax, dtype=np.float64)
    wmax = np.zeros_like(absmax)
    for w in weights_kn:
        wmax = np.maximum(wmax, np.max(np.abs(np.asarray(w, dtype=np.float64)), axis=1))
    s = np.ones_like(absmax)
    ok = (absmax > 0) & (wmax > 0)
    s[ok] = absmax[ok] ** alpha / wmax[ok] ** (1.0 - alpha)
    return s


def smoothed_error(absmax, moment, weights_kn, s):
    absmax = np.asarray(absmax, dtype=np.float64)
    xstep = np.max(absmax / s) / 127.0
    xnoise = xstep * xstep / 12.0
    error = 0.0
    for w in weights_kn:
        ws = s[:, None] * np.asarray(w, dtype=np.float64)
        wstep = np.max(np.abs(ws)) / 127.0
        dw = np.zeros_like(ws)
        if wstep > 0:
            dw = np.clip(np.round(ws / wstep), -127, 127) * wstep - ws
        error += float(np.sum((moment / (s * s))[:, None] * dw * dw + xnoise * ws * ws))
    return error


def search_alpha(absmax, weights_kn, sumsq=None, count=None):
    """The alpha of the grid with the smallest smoothed_error, or None when
    no smoothing (s = 1) is at least as good as every alpha."""
    absmax = np.asarray(absmax, dtype=np.float64)
    moment = absmax * absmax
    if sumsq is not None and count:
        moment = np.asarray(sumsq, dtype=np.float64) / count
    best = smoothed_error(absmax, moment, weights_kn, np.ones_like(absmax))
    best_alpha = None
    for alpha in ALPHAS:
        error = smoothed_error(absmax, moment, weights_kn, factors(absmax, weights_kn, alpha))
        if error < best:
            best, best_alpha = error, alpha
    return best_alpha


def smooth_weight(w_kn, s):
    """float32 W[j, :] * s_j (s as float32)."""
    return (np.asarray(w_kn, np.float32) * np.asarray(s, np.float32)[:, None]).astype(np.float32)


def layer_stats(x):
    """docs/statistics.md entry of an input [..., K]."""
    x = np.asarray(x, dtype=np.float64).reshape(-1, np.shape(x)[-1])
    return {
        "channels": int(x.shape[1]),
        "count": int(x.shape[0]),
        "min": x.min(axis=0).tolist(),
        "max": x.max(axis=0).tolist(),
        "absmax": np.abs(x).max(axis=0).tolist(),
        "sumsq": (x * x).sum(axis=0).tolist(),
    }
