#!/usr/bin/python3
"""Sparse matmuls run by sqz-run, checked against the numpy reference.

Builds one module of `sqz.matmul`s whose weights are seeded random matrices
pruned 2:4 (kept: the two largest magnitudes of every run of four along the
reduction axis) or unstructured (|w| below the median dropped), stored as
`sqz.pack` constants in the documented format: f32 values, int8 codes per
output channel (symmetric, or u8 asymmetric with zero points), `[K, N]`
weights sparse along axis 0 and `[N, K]` (rhs_transposed) along axis 1.
Activations are f32, or quantized at run time (W8A8: integer matmul).

Every entry runs three ways: `sqz-run` on the module (sqz-lower-to-cpu, which
reads N:M weights directly), and `sqz-opt --convert-sqz-to-linalg` with
`sparse-matmul=decompress` and `=direct` followed by `sqz-run`. The reference
decompresses the stored parts with sqz_ref.decompress_nm /
decompress_unstructured (codes filled with the zero point), dequantizes, and
multiplies in f32 summing over k in order (float paths) or in exact integers
then `acc * (sa * sw)` (W8A8). Integer paths must match bit for bit; float
paths must match within 1e-5 relative and are reported bit-exact when they
are (the lowered loops also sum over k in order), except that `sqz-run` runs
2:4 f32 layers on the sparse CPU kernel, whose summation order differs: those
must lie within K * 2^-23 * (|x| @ |W|) of the reference. (The 2:4 W8A8
kernel is exact, so those stay bit-exact.)

Usage: run_sparse_matmul.py --opt sqz-opt --run sqz-run [--keep DIR]
"""

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sqz_ref  # noqa: E402

F32 = np.float32
M, K, N = 3, 64, 48


def prune_nm(w: np.ndarray, n: int, m: int, axis: int):
    """(kept values, positions, dense pruned) of w, n largest |w| per run of
    m along axis, kept in their original order."""
    moved = np.moveaxis(w, axis, -1)
    runs = moved.reshape(moved.shape[:-1] + (-1, m))
    order = np.argsort(-np.abs(runs), axis=-1, kind="stable")[..., :n]
    positions = np.sort(order, axis=-1)
    kept = np.take_along_axis(runs, positions, axis=-1)
    dense = np.zeros_like(runs)
    np.put_along_axis(dense, positions, kept, axis=-1)
    shape = moved.shape[:-1] + (-1,)
    return (np.moveaxis(kept.reshape(shape), -1, axis),
            np.moveaxis(positions.reshape(shape), -1, axis),
            np.moveaxis(dense.reshape(moved.shape), -1, axis))


def seq_matmul(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """a [M, K] @ w [K, N] in f32, summed over k in order from +0."""
    acc = np.zeros((a.shape[0], w.shape[1]), dtype=F32)
    for k in range(a.shape[1]):
        acc = acc + a[:, k:k + 1].astype(F32) * w[k:k + 1, :].astype(F32)
    return acc


def literal(array: np.ndarray) -> str:
    if array.dtype.kind == "f":
        return np.array2string(array, separator=", ", threshold=sys.maxsize,
                               floatmode="unique", max_line_width=10**9).replace("\n", "")
    return np.array2string(array.astype(np.int64), separator=", ",
                           threshold=sys.maxsize, max_line_width=10**9).replace("\n", "")


def shape_text(shape, element: str) -> str:
    return "x".join(str(d) for d in shape) + "x" + element


class Case:
    """One sparse matmul entry: its MLIR function and its reference output."""

    def __init__(self, name, rng, *, transposed, sparsity, weight, activation):
        self.name, self.transposed = name, transposed
        self.sparsity, self.weight, self.activation = sparsity, weight, activation
        logical = (N, K) if transposed else (K, N)
        axis = 1 if transposed else 0
        w = rng.standard_normal(logical).astype(F32)
        if sparsity == "2:4":
            _, positions, pruned = prune_nm(w, 2, 4, axis)
            mask = None
        else:
            mask = np.abs(w) >= np.median(np.abs(w))
            pruned = np.where(mask, w, F32(0)).astype(F32)
        channel_axis = 0 if transposed else 1
        granularity = ("channel", channel_axis)
        quant = None
        if weight == "f32":
            dense_stored, fill, zp, scale = pruned, F32(0), None, None
        else:
            symmetric = weight == "i8"
            codes, scale, zp = sqz_ref.quantize_rtn(pruned, granularity, 8, symmetric)
            dense_stored = codes
            fill = 0 if zp is None else sqz_ref._broadcast_params(zp, logical, granularity)
            quant = (f"#sqz.quant<{'i8' if symmetric else 'u8'}, per_channel({channel_axis}), "
                     f"{'symmetric' if symmetric else 'asymmetric'}>")
        # The stored parts, from the dense pruned tensor.
        if sparsity == "2:4":
            moved = np.moveaxis(dense_stored, axis, -1)
            pos_moved = np.moveaxis(positions, axis, -1)
            runs = moved.reshape(moved.shape[:-1] + (-1, 4))
            kept = np.take_along_axis(runs, pos_moved.reshape(pos_moved.shape[:-1] + (-1, 2)), axis=-1)
            values = np.moveaxis(kept.reshape(pos_moved.shape), -1, axis)
            dense = sqz_ref.decompress_nm(values, positions, 2, 4, axis, fill)
            metadata, metadata_type = positions, shape_text(positions.shape, "i2")
            encoding = f"#sqz.sparsity<nm(2, 4, {axis})>"
        else:
            values = dense_stored[mask]
            dense = sqz_ref.decompress_unstructured(values, mask, fill)
            metadata, metadata_type = mask.astype(np.int64), shape_text(mask.shape, "i1")
            encoding = "#sqz.sparsity<unstructured>"
        assert np.array_equal(dense, dense_stored), "decompress(stored) != dense"

        element = "f32" if weight == "f32" else "i8"
        stored = values if weight == "f32" else np.where(values > 127, values - 256, values)
        type_params = ", ".join(p for p in (quant, encoding) if p)
        self.weight_type = f"!sqz.tensor<{shape_text(logical, 'f32')}, {type_params}>"
        lines = [f"  %v = arith.constant dense<{literal(stored)}> : tensor<{shape_text(values.shape, element)}>",
                 f"  %p = arith.constant dense<{literal(metadata)}> : tensor<{metadata_type}>"]
        parts = ""
        if quant:
            lines.append(f"  %s = arith.constant dense<{literal(scale)}> : tensor<{scale.size}xf32>")
            parts += f" scales(%s : tensor<{scale.size}xf32>)"
            if zp is not None:
                lines.append(f"  %z = arith.constant dense<{literal(zp)}> : tensor<{zp.size}xi32>")
                parts += f" zero_points(%z : tensor<{zp.size}xi32>)"
        parts += f" metadata(%p : tensor<{metadata_type}>)"
        lines.append(f"  %w = sqz.pack %v{parts} : tensor<{shape_text(values.shape, element)}> -> {self.weight_type}")
        lhs, lhs_type = "%x", f"tensor<{M}x{K}xf32>"
        if activation:
            a_gran, a_sym = activation
            a_quant = (f"#sqz.quant<{'i8' if a_sym else 'u8'}, "
                       f"{'per_tensor' if a_gran == 'tensor' else 'per_channel(0)'}, "
                       f"{'symmetric' if a_sym else 'asymmetric'}>")
            lhs_type = f"!sqz.tensor<{M}x{K}xf32, {a_quant}>"
            lines.append(f"  %q = sqz.quantize %x : tensor<{M}x{K}xf32> -> {lhs_type}")
            lhs = "%q"
        attrs = " {rhs_transposed}" if transposed else ""
        lines.append(f"  %y = sqz.matmul {lhs}, %w{attrs} : {lhs_type}, {self.weight_type} -> tensor<{M}x{N}xf32>")
        lines.append(f"  return %y : tensor<{M}x{N}xf32>")
        self.text = (f"func.func @{name}(%x: tensor<{M}x{K}xf32>) -> tensor<{M}x{N}xf32> {{\n"
                     + "\n".join(lines) + "\n}\n")
        self.dense, self.scale, self.zp, self.granularity = dense, scale, zp, granularity
        self.integer = bool(activation) and weight != "f32"

    def on_f32_kernel(self) -> bool:
        """Whether sqz-lower-to-cpu runs this case on the f32 2:4 kernel
        (sqz_cpu_gemm_sp24_f32), which sums in another order than k."""
        return self.sparsity == "2:4" and self.weight == "f32" and not self.activation

    def kn_dense(self) -> np.ndarray:
        return self.dense.T if self.transposed else self.dense

    def reference(self, x: np.ndarray) -> np.ndarray:
        kn = lambda t: t.T if self.transposed else t  # noqa: E731
        if self.weight == "f32":
            w = self.dense
        else:
            w = sqz_ref.dequantize(self.dense, self.scale, self.zp, self.granularity)
        if not self.activation:
            return seq_matmul(x, kn(w))
        a_gran, a_sym = self.activation
        g = "tensor" if a_gran == "tensor" else ("channel", 0)
        qa, sa, za = sqz_ref.quantize_rtn(x, g, 8, a_sym)
        if not self.integer:
            return seq_matmul(sqz_ref.dequantize(qa, sa, za, g), kn(w))
        col = lambda p: None if p is None else np.asarray(p).reshape(-1, 1) if a_gran != "tensor" else p  # noqa: E731
        acc = sqz_ref.integer_matmul(qa, col(za), kn(self.dense),
                                     None if self.zp is None else self.zp.reshape(1, -1))
        sa_col = sa if a_gran == "tensor" else sa.reshape(-1, 1)
        scale = (sa_col * self.scale.reshape(1, -1)).astype(F32)
        return (acc.astype(F32) * scale).astype(F32)


def cases():
    rng = np.random.default_rng(2024)
    spec = [
        ("nm_f32_kn", False, "2:4", "f32", None),
        ("nm_f32_nk", True, "2:4", "f32", None),
        ("nm_i8_kn_f32act", False, "2:4", "i8", None),
        ("nm_i8_nk_f32act", True, "2:4", "i8", None),
        ("nm_w8a8_kn", False, "2:4", "i8", ("tensor", True)),
        ("nm_w8a8_nk_token", True, "2:4", "i8", ("token", True)),
        ("nm_u8asym_kn_a8asym", False, "2:4", "u8", ("token", False)),
        ("unstructured_f32_kn", False, "unstructured", "f32", None),
        ("unstructured_f32_nk", True, "unstructured", "f32", None),
        ("unstructured_w8a8_nk", True, "unstructured", "i8", ("tensor", True)),
        ("unstructured_u8asym_kn_f32act", False, "unstructured", "u8", None),
    ]
    return [Case(name, rng, transposed=t, sparsity=s, weight=w, activation=a)
            for name, t, s, w, a in spec]


def run(command, stdin=None):
    result = subprocess.run(command, input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}")
    return result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opt", required=True)
    parser.add_argument("--run", required=True)
    parser.add_argument("--keep", default=None, help="write the files here")
    args = parser.parse_args()

    workdir = args.keep or tempfile.mkdtemp()
    os.makedirs(workdir, exist_ok=True)
    all_cases = cases()
    model = os.path.join(workdir, "sparse.mlir")
    with open(model, "w") as out:
        out.write("\n".join(c.text for c in all_cases))
    x = np.random.default_rng(7).standard_normal((M, K)).astype(F32)
    x_path = os.path.join(workdir, "x.npy")
    np.save(x_path, x)
    lowered = {mode: run([args.opt, model, f"--convert-sqz-to-linalg=sparse-matmul={mode}"])
               for mode in ("decompress", "direct")}

    problems = 0
    for case in all_cases:
        expected = case.reference(x)
        for way in ("sqz-run", "decompress", "direct"):
            out_dir = os.path.join(workdir, case.name + "-" + way)
            command = [args.run, model if way == "sqz-run" else "-", "--entry", case.name,
                       "--input", x_path, "--output-dir", out_dir]
            run(command, None if way == "sqz-run" else lowered[way])
            actual = np.load(os.path.join(out_dir, "out0.npy"))
            if way == "sqz-run" and case.on_f32_kernel():
                bound = K * 2.0 ** -23 * (np.abs(x).astype(np.float64) @
                                          np.abs(case.kn_dense()).astype(np.float64))
                diff = np.abs(actual.astype(np.float64) - expected)
                verdict = (f"inside the kernel's rounding bound (max diff {diff.max():.3g})"
                           if (diff <= bound).all() else
                           f"FAIL (outside the kernel's rounding bound by up to "
                           f"{(diff - bound).max():.3g})")
                problems += verdict.startswith("FAIL")
            elif np.array_equal(actual, expected):
                verdict = "bit-exact"
            elif not case.integer and np.allclose(actual, expected, rtol=1e-5, atol=1e-6):
                verdict = f"within 1e-5 (max abs error {np.abs(actual - expected).max():.3g})"
            else:
                verdict = f"FAIL (max abs error {np.abs(actual - expected).max():.3g})"
                problems += 1
            print(f"{'ok  ' if not verdict.startswith('FAIL') else 'FAIL'} {case.name} "
                  f"[{way}]: {verdict}")
    print(f"PASS: {problems} problem(s)" if problems == 0 else f"FAILED: {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
