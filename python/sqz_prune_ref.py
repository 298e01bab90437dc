"""Numpy reference of sqz-prune (unstructured and N:M, magnitude and Wanda).

Written from the definitions in docs/statistics.md and the sqz-prune pass
description, not from the C++:

* magnitude score: |w| (in the weight's precision, widened to f32);
* Wanda score: |W_kn| * ||X_k||_2, in float64, the norms of the input
  channels k read from the statistics file;
* unstructured, per layer: remove exactly floor(sparsity * count) weights of
  the layer (magnitude), or floor(sparsity * K) of each output channel's K
  weights (Wanda); lowest score first, ties removing the lower flat index
  first (`argsort(score, kind="stable")`);
* unstructured, global (magnitude only): one ranking of the |w| of all
  layers concatenated in program order, each flattened row-major;
* N:M: in every group of m consecutive weights along the reduction axis keep
  the n highest scores, ties keeping the lower position
  (`argsort(-score, kind="stable")[:n]`, then sorted ascending).

Weights are 2-D, stored `[K, N]` or, when `transposed`, `[N, K]` (the
PyTorch layout). The storage follows the sparse format of the design:
unstructured = (kept values in row-major order of the mask, bool mask of the
stored shape); N:M = (kept values with the reduction axis shrunk by n/m,
positions 0..m-1 of the same shape).
"""

import numpy as np


def magnitude_scores(w: np.ndarray) -> np.ndarray:
    return np.abs(w.astype(np.float32))


def wanda_scores(w: np.ndarray, norms: np.ndarray, transposed: bool) -> np.ndarray:
    """|W_kn| * ||X_k||_2 in float64, in the stored layout of `w`."""
    magnitude = np.abs(w.astype(np.float32)).astype(np.float64)
    norms = np.asarray(norms, dtype=np.float64)
    return magnitude * (norms[None, :] if transposed else norms[:, None])


def _lowest(scores: np.ndarray, count: int) -> np.ndarray:
    """Flat indices of the `count` lowest scores, ties lower index first."""
    return np.argsort(scores, kind="stable")[:count]


def keep_unstructured(scores: np.ndarray, sparsity: float) -> np.ndarray:
    """Keep-mask of a per-layer prune over the whole layer (magnitude)."""
    flat = scores.ravel()
    keep = np.ones(flat.size, dtype=bool)
    keep[_lowest(flat, int(np.floor(sparsity * flat.size)))] = False
    return keep.reshape(scores.shape)


def keep_per_output_channel(scores: np.ndarray, sparsity: float,
                            transposed: bool) -> np.ndarray:
    """Keep-mask of a Wanda prune: floor(sparsity * K) per output channel."""
    nk = scores if transposed else scores.T          # [N, K]
    k = nk.shape[1]
    pruned = int(np.floor(sparsity * k))
    keep = np.ones(nk.shape, dtype=bool)
    for row in range(nk.shape[0]):
        keep[row, _lowest(nk[row], pruned)] = False
    return keep if transposed else keep.T


def keep_global(weights: list, sparsity: float) -> list:
    """Keep-masks of a global magnitude prune of `weights` (program order)."""
    scores = np.concatenate([magnitude_scores(w).ravel() for w in weights])
    keep = np.ones(scores.size, dtype=bool)
    keep[_lowest(scores, int(np.floor(sparsity * scores.size)))] = False
    masks, offset = [], 0
    for w in weights:
        masks.append(keep[offset:offset + w.size].reshape(w.shape))
        offset += w.size
    return masks


def pack_unstructured(w: np.ndarray, keep: np.ndarray):
    """(values, mask): the kept values in row-major order and the mask."""
    return w.ravel()[keep.ravel()], keep


def prune_nm(w: np.ndarray, scores: np.ndarray, n: int, m: int,
             transposed: bool):
    """(values, positions) of an N:M prune along the reduction axis."""
    w_nk = w if transposed else w.T                  # [N, K]
    s_nk = scores if transposed else scores.T
    rows, k = w_nk.shape
    assert k % m == 0, "m must divide the reduction size"
    groups = k // m
    s = s_nk.reshape(rows, groups, m)
    order = np.argsort(-s, axis=-1, kind="stable")[..., :n]
    order = np.sort(order, axis=-1)
    values = np.take_along_axis(w_nk.reshape(rows, groups, m), order, axis=-1)
    values = values.reshape(rows, groups * n)
    positions = order.reshape(rows, groups * n).astype(np.uint8)
    if not transposed:
        values, positions = values.T, positions.T
    return np.ascontiguousarray(values), np.ascontiguousarray(positions)


def unpack_nm(values: np.ndarray, positions: np.ndarray, n: int, m: int,
              transposed: bool) -> np.ndarray:
    """The dense pruned weight of an N:M pack (zeros where pruned)."""
    v = values if transposed else values.T
    p = positions if transposed else positions.T
    rows, kept = v.shape
    groups = kept // n
    dense = np.zeros((rows, groups, m), dtype=values.dtype)
    np.put_along_axis(dense, p.reshape(rows, groups, n).astype(np.int64),
                      v.reshape(rows, groups, n), axis=-1)
    dense = dense.reshape(rows, groups * m)
    return dense if transposed else dense.T
