"""Independent numpy reference of Squeeze's quantization arithmetic.

Written from the formulas (docs/design.md, the #sqz.quant description), not
from the C++: round half to even, saturating, f32 arithmetic in the order

  symmetric:  scale = max|x| / qmax
  asymmetric: lo = min(min x, 0), hi = max(max x, 0),
              scale = (hi - lo) / (qmax - qmin),
              zero_point = clamp(qmin - rint(lo / scale), qmin, qmax)
  a unit of zeros gets scale 1
  code = clamp(rint(x / scale) + zero_point, qmin, qmax)
  value = (code - zero_point) * scale

Granularity: "tensor" (one unit), ("channel", axis) (one unit per index along
axis), ("group", axis, size) (runs of `size` along axis, per index of the
other dimensions; scales have the axis shrunk by `size`).
"""

from __future__ import annotations

import numpy as np

F32 = np.float32


def storage_range(bits: int, signed: bool, narrow: bool = False) -> tuple[int, int]:
    """The smallest and largest code of a storage type."""
    if signed:
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    else:
        lo, hi = 0, (1 << bits) - 1
    return (lo + 1 if narrow else lo), hi


def _unit_view(x: np.ndarray, granularity) -> tuple[np.ndarray, tuple[int, ...], tuple[int, ...]]:
    """x reshaped so that each unit's elements lie along the returned
    reduction axes; also the parameter shape."""
    if granularity == "tensor":
        return x, tuple(range(x.ndim)), ()
    kind, axis = granularity[0], granularity[1]
    if kind == "channel":
        axes = tuple(d for d in range(x.ndim) if d != axis)
        return x, axes, (x.shape[axis],)
    size = granularity[2]
    shape = x.shape[:axis] + (x.shape[axis] // size, size) + x.shape[axis + 1:]
    param_shape = x.shape[:axis] + (x.shape[axis] // size,) + x.shape[axis + 1:]
    return x.reshape(shape), (axis + 1,), param_shape


def _broadcast_params(params: np.ndarray, x_shape, granularity) -> np.ndarray:
    """Parameters repeated to the shape of the tensor they quantize."""
    if granularity == "tensor":
        return np.broadcast_to(params, x_shape)
    kind, axis = granularity[0], granularity[1]
    if kind == "channel":
        shape = [1] * len(x_shape)
        shape[axis] = x_shape[axis]
        return np.broadcast_to(params.reshape(shape), x_shape)
    return np.repeat(params, granularity[2], axis=axis)


def quant_params(x: np.ndarray, granularity, bits: int, symmetric: bool,
                 narrow: bool = False) -> tuple[np.ndarray, np.ndarray | None]:
    """Scales (f32) and, for asymmetric schemes, zero points (i32)."""
    view, axes, param_shape = _unit_view(x.astype(F32), granularity)
    lo = np.minimum(view.min(axis=axes), F32(0)).reshape(param_shape)
    hi = np.maximum(view.max(axis=axes), F32(0)).reshape(param_shape)
    return params_from_range(lo, hi, bits, symmetric, narrow)


def params_from_range(lo: np.ndarray, hi: np.ndarray, bits: int,
                      symmetric: bool, narrow: bool = False):
    """f32 scales and i32 zero points (None when symmetric) of units spanning
    [lo, hi] (f32, lo <= 0 <= hi)."""
    qmin, qmax = storage_range(bits, symmetric, narrow)
    if symmetric:
        scale = (np.maximum(-lo, hi) / F32(qmax)).astype(F32)
    else:
        scale = ((hi - lo) / F32(qmax - qmin)).astype(F32)
    scale = np.where(scale == 0, F32(1), scale).astype(F32)
    if symmetric:
        return scale, None
    zp = np.clip(F32(qmin) - np.rint(lo / scale), qmin, qmax).astype(np.int32)
    return scale, zp


def quantize(x: np.ndarray, scale: np.ndarray, zp: np.ndarray | None, granularity,
             bits: int, symmetric: bool, narrow: bool = False) -> np.ndarray:
    """Codes (int32) of x with the given parameters."""
    qmin, qmax = storage_range(bits, symmetric, narrow)
    s = _broadcast_params(scale, x.shape, granularity)
    code = np.rint(x.astype(F32) / s)
    if zp is not None:
        code = code + _broadcast_params(zp, x.shape, granularity).astype(F32)
    return np.clip(code, qmin, qmax).astype(np.int32)


def dequantize(codes: np.ndarray, scale: np.ndarray, zp: np.ndarray | None,
               granularity) -> np.ndarray:
    """(code - zero_point) * scale in f32."""
    centered = codes.astype(np.int32)
    if zp is not None:
        centered = centered - _broadcast_params(zp, codes.shape, granularity)
    return (centered.astype(F32) * _broadcast_params(scale, codes.shape, granularity)).astype(F32)


def quantize_rtn(w: np.ndarray, granularity, bits: int, symmetric: bool,
                 narrow: bool = False):
    """Round-to-nearest weight quantization: (codes, scales, zero points)."""
    scale, zp = quant_params(w, granularity, bits, symmetric, narrow)
    return quantize(w, scale, zp, granularity, bits, symmetric, narrow), scale, zp


def pack_subbyte(codes: np.ndarray, bits: int) -> np.ndarray:
    """Packs codes 8/bits to a byte along the last axis, low bits first."""
    per_byte = 8 // bits
    flat = (codes.astype(np.int64) & ((1 << bits) - 1)).reshape(codes.shape[:-1] + (-1, per_byte))
    packed = np.zeros(flat.shape[:-1], dtype=np.int64)
    for slot in range(per_byte):
        packed |= flat[..., slot] << (slot * bits)
    return packed.astype(np.uint8)


def integer_matmul(qa: np.ndarray, za, qw: np.ndarray, zw) -> np.ndarray:
    """sum_k (qa - za)(qw - zw), exactly, in int64. Zero points broadcast as
    given (scalars, per-row [M, 1] or per-column [1, N])."""
    a = qa.astype(np.int64) - (0 if za is None else np.asarray(za, dtype=np.int64))
    w = qw.astype(np.int64) - (0 if zw is None else np.asarray(zw, dtype=np.int64))
    return a @ w


def decompress_nm(values: np.ndarray, positions: np.ndarray, n: int, m: int,
                  axis: int, fill=0) -> np.ndarray:
    """The dense tensor of an N:M sparse one, from its storage: along `axis`,
    every run of n kept values (in order) with their positions 0..m-1 inside
    the run of m they came from. Elements no value lands on are `fill` (a
    scalar, or an array broadcastable to the dense shape: the zero point of
    quantized codes)."""
    values = np.asarray(values)
    dense_shape = list(values.shape)
    dense_shape[axis] = values.shape[axis] // n * m
    dense = np.array(np.broadcast_to(fill, dense_shape), dtype=values.dtype)
    dense = np.moveaxis(dense, axis, -1)
    kept = np.moveaxis(values, axis, -1)
    positions = np.moveaxis(np.asarray(positions).astype(np.int64), axis, -1)
    index = np.arange(kept.shape[-1]) // n * m + positions
    np.put_along_axis(dense, index, kept, axis=-1)
    return np.moveaxis(dense, -1, axis)


def decompress_unstructured(values: np.ndarray, mask: np.ndarray, fill=0) -> np.ndarray:
    """The dense tensor of an unstructured sparse one: the kept values in
    row-major order of the mask's set bits, `fill` elsewhere (a scalar or an
    array of the mask's shape)."""
    mask = np.asarray(mask).astype(bool)
    dense = np.array(np.broadcast_to(fill, mask.shape), dtype=np.asarray(values).dtype)
    dense[mask] = np.asarray(values)[: int(mask.sum())]
    return dense

