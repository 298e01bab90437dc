"""Writes the module, the input and the numpy references of
sub-byte-weights.test into DIR.

Every case multiplies x [M, K] by a [K, N] weight whose codes are 4 or 2
bits wide (or whose dense values are quantized to 4 bits at run time).
Codes, positions and masks come from fixed formulas, the scales are powers
of two and x holds small integers (one of them 127, so that a per-tensor
symmetric int8 activation has scale 1 and codes x): every product and every
partial sum is an integer that f32 holds exactly, so each result equals the
numpy reference bit for bit whatever the order of the sum.

Usage: sub_byte_weights.py DIR  (writes DIR/model.mlir, DIR/x.npy,
DIR/w.npy, DIR/ref-CASE.npy)
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "python"))
import sqz_ref  # noqa: E402

M, K, N = 4, 32, 64
F32 = np.float32


def literal(a: np.ndarray) -> str:
    if a.ndim == 1:
        return "[" + ", ".join(str(v) for v in a.tolist()) + "]"
    return "[" + ", ".join(literal(r) for r in a) + "]"


def shape(s, element: str) -> str:
    return "x".join(str(d) for d in s) + "x" + element


def codes_of(count: int, bits: int) -> np.ndarray:
    """Signed `bits`-wide codes covering the whole range."""
    low = -(1 << (bits - 1))
    i = np.arange(count)
    return (i * 5 + i // 7 + 3) % (1 << bits) + low


def nm_case(bits: int):
    """2:4 along K: kept codes [K/2, N], positions [K/2, N]."""
    kept = codes_of(K // 2 * N, bits).reshape(K // 2, N)
    row = np.arange(K // 2)[:, None]
    col = np.arange(N)[None, :]
    group, slot = row // 2, row % 2
    first = (group + col) % 2           # 0 or 1
    second = 2 + (group + 2 * col // 3) % 2  # 2 or 3
    positions = np.where(slot == 0, first, second)
    dense = sqz_ref.decompress_nm(kept, positions, 2, 4, 0)
    return kept, positions, dense


def unstructured_case(bits: int):
    """Half the elements kept, in a pattern that differs per row."""
    row = np.arange(K)[:, None]
    col = np.arange(N)[None, :]
    mask = ((row * 3 + col * 7) % 4 < 2)
    kept = codes_of(int(mask.sum()), bits)
    dense = sqz_ref.decompress_unstructured(kept, mask)
    return kept, mask, dense


def main() -> None:
    out = sys.argv[1]
    col = np.arange(N)
    scale = (2.0 ** (col % 3 - 1)).astype(F32)         # 0.5, 1, 2 per channel
    group_scale = (2.0 ** ((np.arange(K // 8)[:, None] + col[None, :]) % 3 - 1)).astype(F32)
    x = ((np.arange(M * K).reshape(M, K) * 7) % 15 - 7).astype(F32)
    x[0, 0] = 127
    np.save(os.path.join(out, "x.npy"), x)

    functions, refs = [], {}

    def sparse(name, bits, quant, scales, kept, meta, meta_type, encoding,
               dense_w, act=None):
        weight_type = f"!sqz.tensor<{K}x{N}xf32, {quant}, {encoding}>"
        lines = [
            f"  %v = arith.constant dense<{literal(kept)}> : tensor<{shape(kept.shape, f'i{bits}')}>",
            f"  %s = arith.constant dense<{literal(scales)}> : tensor<{shape(scales.shape, 'f32')}>",
            f"  %p = arith.constant dense<{literal(meta)}> : tensor<{meta_type}>",
            f"  %w = sqz.pack %v scales(%s : tensor<{shape(scales.shape, 'f32')}>) "
            f"metadata(%p : tensor<{meta_type}>) : tensor<{shape(kept.shape, f'i{bits}')}> -> {weight_type}",
        ]
        lhs, lhs_type = "%x", f"tensor<{M}x{K}xf32>"
        if act:
            lhs_type = f"!sqz.tensor<{M}x{K}xf32, {act}>"
            lines.append(f"  %q = sqz.quantize %x : tensor<{M}x{K}xf32> -> {lhs_type}")
            lhs = "%q"
        lines.append(f"  %y = sqz.matmul {lhs}, %w : {lhs_type}, {weight_type} -> tensor<{M}x{N}xf32>")
        functions.append((name, lines))
        refs[name] = x.astype(np.float64) @ dense_w.astype(np.float64)

    # 2:4 int4 per channel: the direct sparse matmul (float and integer).
    kept, positions, dense = nm_case(4)
    nm_meta = (positions, shape(positions.shape, "i2"), "#sqz.sparsity<nm(2, 4, 0)>")
    sparse("nm_i4_channel", 4, "#sqz.quant<i4, per_channel(1), symmetric>",
           scale, kept, *nm_meta, dense * scale)
    sparse("nm_i4_channel_a8", 4, "#sqz.quant<i4, per_channel(1), symmetric>",
           scale, kept, *nm_meta, dense * scale,
           act="#sqz.quant<i8, per_tensor, symmetric>")
    # 2:4 int4 per group of 8 along K: decompressed, then dequantized.
    group_dense = dense * np.repeat(group_scale, 8, axis=0)
    sparse("nm_i4_group", 4, "#sqz.quant<i4, per_group(0, 8), symmetric>",
           group_scale, kept, *nm_meta, group_dense)
    # 2:4 int2 per channel (direct) and per group (decompressed).
    kept2, positions2, dense2 = nm_case(2)
    sparse("nm_i2_channel", 2, "#sqz.quant<i2, per_channel(1), symmetric>",
           scale, kept2, positions2, shape(positions2.shape, "i2"),
           "#sqz.sparsity<nm(2, 4, 0)>", dense2 * scale)
    group_dense2 = dense2 * np.repeat(group_scale, 8, axis=0)
    sparse("nm_i2_group", 2, "#sqz.quant<i2, per_group(0, 8), symmetric>",
           group_scale, kept2, positions2, shape(positions2.shape, "i2"),
           "#sqz.sparsity<nm(2, 4, 0)>", group_dense2)
    # Unstructured int4 per channel.
    kept_u, mask, dense_u = unstructured_case(4)
    sparse("unstructured_i4_channel", 4, "#sqz.quant<i4, per_channel(1), symmetric>",
           scale, kept_u, mask.astype(np.int64), shape(mask.shape, "i1"),
           "#sqz.sparsity<unstructured>", dense_u * scale)

    # Dense int4 codes made at run time (sqz.quantize of a weight argument):
    # unpacked i4 tensors in memory. w = codes * scale, with per-channel
    # max |code| = 7, quantizes back to its codes exactly.
    codes = codes_of(K * N, 4).reshape(K, N)
    codes[np.abs(codes).argmax(axis=0), col] = 7
    codes[codes == -8] = -7
    w = (codes * scale).astype(F32)
    np.save(os.path.join(out, "w.npy"), w)
    dense_type = f"!sqz.tensor<{K}x{N}xf32, #sqz.quant<i4, per_channel(1), symmetric>>"
    functions.append(("dense_i4_runtime", [
        f"  %q = sqz.quantize %w : tensor<{K}x{N}xf32> -> {dense_type}",
        f"  %y = sqz.matmul %x, %q : tensor<{M}x{K}xf32>, {dense_type} -> tensor<{M}x{N}xf32>",
    ]))
    refs["dense_i4_runtime"] = x.astype(np.float64) @ w.astype(np.float64)

    text = []
    for name, lines in functions:
        args = f"%x: tensor<{M}x{K}xf32>"
        if name == "dense_i4_runtime":
            args += f", %w: tensor<{K}x{N}xf32>"
        text.append(f"func.func @{name}({args}) -> tensor<{M}x{N}xf32> {{\n"
                    + "\n".join(lines) + f"\n  return %y : tensor<{M}x{N}xf32>\n}}\n")
    with open(os.path.join(out, "model.mlir"), "w") as f:
        f.write("\n".join(text))
    for name, ref in refs.items():
        assert np.array_equal(ref, ref.astype(F32)), name
        np.save(os.path.join(out, f"ref-{name}.npy"), ref.astype(F32))


if __name__ == "__main__":
    main()
