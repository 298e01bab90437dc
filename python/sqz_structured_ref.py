#!/usr/bin/python3
"""Reference for structured pruning (sqz-prune pattern=rows and pattern=heads),
written from the rule, not from the C++:

* rows: the norm of output channel n of a linear layer is sum_k |W[k, n]|
  (W seen as [K, N]); floor(sparsity * N) channels of lowest norm are
  removed, the lower index first among equal norms;
* heads: with H heads of dh = N / H channels, head h is scored by the sum of
  |w| over columns h*dh .. (h+1)*dh - 1 of every projection that produces the
  heads (Q, K, V, each [K, N]) plus rows h*dh .. (h+1)*dh - 1 of every layer
  that consumes them (the output projection, [N, D]); floor(sparsity * H)
  heads of lowest score are removed, the lower index first among equal
  scores.

Norms are summed in float64.
"""

import math

import numpy as np


def lowest(scores: np.ndarray, count: int) -> list[int]:
    """The `count` indices of lowest score, lower index first among ties,
    in ascending order."""
    order = sorted(range(len(scores)), key=lambda i: (float(scores[i]), i))
    return sorted(order[:count])


def rows_to_remove(w_kn: np.ndarray, sparsity: float) -> list[int]:
    """The output channels pattern=rows removes from a layer whose weight,
    seen as [K, N], is `w_kn`."""
    norms = np.abs(w_kn.astype(np.float64)).sum(axis=0)
    return lowest(norms, math.floor(sparsity * w_kn.shape[1]))


def heads_to_remove(projections_kn: list, outputs_nd: list, num_heads: int,
                    sparsity: float) -> list[int]:
    """The heads pattern=heads removes: `projections_kn` are the Q/K/V
    weights as [K, N], `outputs_nd` the output projection's weights as
    [N, D]."""
    n = projections_kn[0].shape[1]
    dh = n // num_heads
    scores = np.zeros(num_heads)
    for h in range(num_heads):
        cols = slice(h * dh, (h + 1) * dh)
        scores[h] = (sum(np.abs(w[:, cols].astype(np.float64)).sum() for w in projections_kn) +
                     sum(np.abs(w[cols, :].astype(np.float64)).sum() for w in outputs_nd))
    return lowest(scores, math.floor(sparsity * num_heads))


def head_channels(heads: list[int], n: int, num_heads: int) -> list[int]:
    """The channels of `heads` among n = num_heads * dh."""
    dh = n // num_heads
    return [h * dh + i for h in heads for i in range(dh)]
