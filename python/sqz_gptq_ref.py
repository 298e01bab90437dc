"""Independent numpy reference of GPTQ weight quantization.

Written from the paper (Frantar et al., "GPTQ: Accurate Post-Training
Quantization for Generative Pre-trained Transformers", 2022, Algorithm 1, the
blocked form with lazy batch updates), not from the C++. The weight is
`[K, N]` (K input channels, the reduction; N output channels): the paper's
`W` is its transpose, a "column" of the paper is a row here.

  H = XᵀX (float64); a channel with H[k, k] == 0 gets H[k, k] = 1 and zero
    weights;
  act-order: channels permuted by decreasing diag(H) (stable);
  H += damp * mean(diag(H)) * I;
  U = cholesky(H⁻¹) upper (H⁻¹ = UᵀU);
  for each block of `blocksize` channels [i1, i2):
    for k in [i1, i2):
      q = quantize(W[k]) with the layer's scheme
      e = (W[k] - dequantize(q)) / U[k, k]
      W[j] -= e * U[k, j] for j in (k, i2)            (within the block)
    W[j] -= Σ_k e_k U[k, j] for j >= i2                (lazy batch update)

The scheme is python/sqz_ref.py's (round half to even, saturating, f32
parameters): per-tensor and per-channel parameters from the original weight;
the parameters of a group of `size` contiguous channels (original order, also
under act-order) when its first channel in processing order is reached, from
the current weights of all its channels (pending block updates included):
lo = min(current, 0), hi = max(current, 0) in float64, then rounded to f32 and
put through the f32 formulas. Codes are computed in float64:
code = clip(rint(w / scale) + zero_point, qmin, qmax). Pruned positions
(`keep` false) get the code of zero and count as zeros for the range.
"""

from __future__ import annotations

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sqz_ref  # noqa: E402

F32 = np.float32


def unit_params(lo: np.ndarray, hi: np.ndarray, bits: int, symmetric: bool,
                narrow: bool = False):
    """f32 scales and zero points (None when symmetric) of units spanning
    [lo, hi] (float64 arrays, lo <= 0 <= hi)."""
    return sqz_ref.params_from_range(lo.astype(F32), hi.astype(F32), bits,
                                     symmetric, narrow)


def upper_cholesky_of_inverse(h: np.ndarray) -> np.ndarray:
    """U with H⁻¹ = UᵀU; raises numpy.linalg.LinAlgError when H is not
    positive definite."""
    lower = np.linalg.cholesky(h)
    lower_inv = np.linalg.inv(lower)
    h_inv = lower_inv.T @ lower_inv
    return np.linalg.cholesky(h_inv).T


def gptq(w: np.ndarray, hessian: np.ndarray, bits: int, granularity,
         symmetric: bool = True, narrow: bool = False, damp: float = 0.01,
         act_order: bool = False, blocksize: int = 128, keep=None):
    """GPTQ of the [K, N] weight `w`. `granularity`: "tensor", "channel" (one
    scale per output channel) or ("group", size) (groups along K).
    Returns (codes [K, N] int32, scales, zero points or None) with scales of
    shape () / (N,) / (K // size, N)."""
    K, N = w.shape
    qmin, qmax = sqz_ref.storage_range(bits, symmetric, narrow)
    W = w.astype(np.float64).copy()
    H = hessian.astype(np.float64).copy()
    keep = np.ones((K, N), bool) if keep is None else keep.astype(bool)
    dead = np.diag(H) == 0
    H[dead, dead] = 1.0
    W[dead, :] = 0.0
    perm = (np.argsort(-np.diag(H), kind="stable") if act_order
            else np.arange(K))
    position = np.argsort(perm)
    W, H, keep = W[perm], H[perm][:, perm], keep[perm]
    H[np.arange(K), np.arange(K)] += damp * np.mean(np.diag(H))
    U = upper_cholesky_of_inverse(H)

    if granularity == "tensor":
        scale, zp = sqz_ref.quant_params(w, "tensor", bits, symmetric, narrow)
        size = K
    elif granularity == "channel":
        scale, zp = sqz_ref.quant_params(w, ("channel", 1), bits, symmetric, narrow)
        size = K
    else:
        size = granularity[1]
        scale = np.ones((K // size, N), F32)
        zp = None if symmetric else np.zeros((K // size, N), np.int32)
    grouped = isinstance(granularity, tuple)
    started = np.zeros(K // size, bool)

    def params_of(channel):
        if grouped:
            g = channel // size
            return scale[g], (zp[g] if zp is not None else 0)
        return scale, (zp if zp is not None else 0)

    codes = np.zeros((K, N), np.int32)
    for i1 in range(0, K, blocksize):
        i2 = min(i1 + blocksize, K)
        W1 = W[i1:i2].copy()
        Err1 = np.zeros((i2 - i1, N))
        for i in range(i2 - i1):
            k = i1 + i
            channel = perm[k]
            if grouped and not started[channel // size]:
                g = channel // size
                started[g] = True
                rows = []
                for p in position[g * size:(g + 1) * size]:
                    if p < i2:
                        current = W1[p - i1]
                    else:
                        current = W[p] - Err1[:i].T @ U[i1:k, p]
                    rows.append(np.where(keep[p], current, 0.0))
                rows = np.array(rows)
                s, z = unit_params(np.minimum(rows.min(axis=0), 0.0),
                                   np.maximum(rows.max(axis=0), 0.0),
                                   bits, symmetric, narrow)
                scale[g] = s
                if zp is not None:
                    zp[g] = z
            s, z = params_of(channel)
            s = np.asarray(s, np.float64)
            z = np.asarray(z, np.float64)
            current = W1[i]
            q = np.clip(np.rint(current / s) + z, qmin, qmax)
            q = np.where(keep[k], q, z)
            codes[channel] = q.astype(np.int32)
            Err1[i] = (current - (q - z) * s) / U[k, k]
            W1[i:] -= np.outer(U[k, k:i2], Err1[i])
        W[i2:] -= U[i1:i2, i2:].T @ Err1
    return codes, scale, zp


def dequantize(codes: np.ndarray, scale, zp, granularity) -> np.ndarray:
    """The float64 weight [K, N] that codes and parameters stand for."""
    K, N = codes.shape
    s = np.asarray(scale, np.float64)
    z = np.zeros_like(s) if zp is None else np.asarray(zp, np.float64)
    if isinstance(granularity, tuple):
        s = np.repeat(s, granularity[1], axis=0)
        z = np.repeat(z, granularity[1], axis=0)
    return (codes - z) * s
