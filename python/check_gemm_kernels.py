#!/usr/bin/python3
"""The CPU GEMM kernels against the reference lowering, on every shape class
the kernels tell apart.

For each row count M in 1 (the GEMV path), 3, 17 and 128 (partial and whole
register tiles), one module holds linear layers with constant weights whose
K and N are not multiples of the kernels' panels and K groups (N = 1, K = 8,
...), in the three weight forms importers emit ([K, N]; [N, K] through a
linalg.transpose; [N, K] through the matmul's indexing_maps):

* f32 x f32 -> f32 (`linalg.matmul`): weights and inputs N(0, 1);
* i8 x i8 -> i32 (the sign-extending contraction sqz-fold-scales leaves):
  weights and inputs over the whole int8 range, -128 included;
* u8 x i8 -> i32 starting from a constant per column (what sqz-fold-scales
  leaves for asymmetric static activations: unsigned codes, the zero
  point's correction in the initial accumulator): the kernels take x - 128
  and add the initial values plus 128 * sum_k W back;
* weight-only quantized (`sqz.matmul` of f32 activations by an `sqz.pack` of
  constant codes, scales and zero points): i8 per channel, i4 per group,
  u4 per group with zero points, u8 per tensor with a zero point, one with
  a bias;
* 2:4 sparse (`sqz.matmul` by an `sqz.pack` of kept values and their i2
  positions, sparse along K): f32 values with f32 activations, and
  symmetric int8 codes (scales per channel or per tensor) with the
  activation quantized per token in the model (W8A8), with and without a
  bias.

The module runs twice through sqz-run on the same inputs: as is
(sqz-lower-to-cpu with the kernels the host CPU has) and lowered first with
`sqz-lower-to-cpu="kernels=0"` (the generic lowering, the reference).
Integer results must be bit-identical to the reference and to numpy's
wrapping int32 product, 2:4 W8A8 results to the reference (the same codes,
the same scale arithmetic); f32 results within K * 2^-23 * (|x| @ |W|) of the
reference (the rounding bound of any summation order: the kernels sum in
another order, with fused multiply-adds), where for quantized weights
|W| = (|q - z| + |z|) * s, as the kernels subtract the zero point's share
after the sum. Also checks that every layer did
become a kernel call, and that the kernels on two threads (`--threads 2`)
give the one-thread results bit for bit (calls of fewer than 2^20
multiply-adds per thread run on one thread anyway: here the M=128 layers
split; sqz-kernel-check tests the split on its own).

With --int8-compute the kernels run with `--weight-only-compute=int8`:
the weight-only layers whose groups are whole quads of K then quantize
their activations to int8 per row and group, and must be within half an
activation step per element of the reference (sum_k max|x_g| / 254 *
|W[k, n]|, plus the rounding bound); the others keep their checks (the
u4 layer's groups of 11 stay on the f32 kernel).

Usage: check_gemm_kernels.py --opt sqz-opt --run sqz-run [--keep DIR] [--int8-compute]
"""

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

ROWS = [1, 3, 17, 128]
# (K, N, weight form, element type)
LAYERS = [
    (8, 1, "kn", "f32"),
    (100, 70, "nk-transpose", "f32"),
    (33, 16, "kn", "f32"),
    (64, 200, "nk-maps", "f32"),
    (8, 1, "kn", "i8"),
    (100, 70, "nk-transpose", "i8"),
    (5, 33, "kn", "i8"),
    (260, 129, "nk-maps", "i8"),
    (40, 33, "kn", "u8"),
    (100, 70, "nk-transpose", "u8"),
    (64, 200, "kn", "q8 channel"),
    (100, 70, "nk", "q4 group"),
    (33, 16, "kn", "u4 group zp"),
    (8, 1, "kn", "u8 tensor zp"),
    (40, 24, "nk", "q8 channel bias"),
    (8, 1, "kn", "sp24 f32"),
    (100, 70, "nk", "sp24 f32"),
    (36, 19, "nk", "sp24 f32 bias"),
    (260, 129, "kn", "sp24 f32"),
    (8, 1, "nk", "sp24 w8a8 channel"),
    (100, 70, "nk", "sp24 w8a8 channel"),
    (36, 19, "kn", "sp24 w8a8 tensor"),
    (260, 129, "nk", "sp24 w8a8 channel bias"),
]
# Quantized schemes: storage, signed, granularity, zero points, group size.
SCHEMES = {
    "q8 channel": (8, True, "channel", False, None),
    "q8 channel bias": (8, True, "channel", False, None),
    "q4 group": (4, True, "group", False, 20),
    "u4 group zp": (4, False, "group", True, 11),
    "u8 tensor zp": (8, False, "tensor", True, None),
}
MAPS = {
    "kn": "[affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, "
          "affine_map<(m, n, k) -> (m, n)>]",
    "nk": "[affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, "
          "affine_map<(m, n, k) -> (m, n)>]",
}


def hex_literal(array: np.ndarray) -> str:
    return '"0x' + np.ascontiguousarray(array).tobytes().hex().upper() + '"'


class Quantized:
    """A weight-only quantized weight: codes q ([K, N] logical), scales and
    zero points per group of K rows (or per channel / tensor)."""

    def __init__(self, rng, k, n, scheme):
        self.bits, self.signed, self.granularity, zp, group = SCHEMES[scheme]
        self.bias = "bias" in scheme
        lo, hi = ((-(1 << (self.bits - 1)), (1 << (self.bits - 1)) - 1) if self.signed
                  else (0, (1 << self.bits) - 1))
        self.q = rng.integers(lo, hi + 1, (k, n))
        self.group = group or k
        groups = k // self.group if self.granularity == "group" else 1
        width = 1 if self.granularity == "tensor" else n
        self.s = (rng.random((groups, width)) * 0.02 + 0.005).astype(np.float32)
        self.z = rng.integers(lo, hi + 1, (groups, width)) if zp else None
        self.b = rng.standard_normal(n).astype(np.float32) if self.bias else None

    def expand(self, param, k, n):
        """A [groups or 1, N or 1] parameter over [K, N]."""
        return np.broadcast_to(np.repeat(param, self.group, axis=0)[:k], (k, n))

    def dequantized(self, k, n):
        z = 0 if self.z is None else self.expand(self.z, k, n)
        return ((self.q - z) * self.expand(self.s, k, n)).astype(np.float64)

    def int8_kernel(self, k):
        """Whether --weight-only-compute=int8 runs this weight on the int8
        kernels: one group, or groups of whole quads of K."""
        return self.granularity != "group" or self.group % 4 == 0 or self.group == k

    def magnitude(self, k, n):
        """(|q - z| + |z|) * s: what bounds the kernels' rounding."""
        z = 0 if self.z is None else self.expand(self.z, k, n)
        return ((np.abs(self.q - z) + np.abs(z)) * self.expand(self.s, k, n)).astype(np.float64)


def within_activation_step(got, ref, x, w, k, n):
    """The int8-compute kernels against the reference: the activations are
    rounded to int8 per row and group of K (scale max|x| / 127), so each
    output may move by half a step per element, sum_k step/2 * |W[k, n]|,
    plus the rounding bound of the float arithmetic."""
    dequantized = w.dequantized(k, n)
    steps = np.zeros(x.shape, np.float64)
    for start in range(0, k, w.group):
        block = np.abs(x[:, start:start + w.group]).astype(np.float64)
        steps[:, start:start + w.group] = block.max(axis=1, keepdims=True) / 127 / 2
    bound = steps @ np.abs(dequantized)
    bound += (k + 1) * 2.0 ** -23 * (np.abs(x).astype(np.float64) @ w.magnitude(k, n))
    if w.b is not None:
        bound += 2.0 ** -23 * (np.abs(ref).astype(np.float64) + np.abs(w.b))
    diff = np.abs(got.astype(np.float64) - ref.astype(np.float64))
    ok = got.shape == ref.shape and bool((diff <= bound).all())
    relative = float(np.linalg.norm(diff) / max(np.linalg.norm(ref), 1e-30))
    verdict = (f"within half an activation step (rel. L2 {relative:.1e})" if ok else
               f"OUTSIDE half an activation step ({int((diff > bound).sum())} outputs)")
    return ok, verdict


class Sparse24:
    """A 2:4 sparse weight ([K, N] logical, two kept values in every four
    along K): f32 values, or symmetric int8 codes with scales per channel or
    per tensor for W8A8 (the activation quantized per token in the model)."""

    def __init__(self, rng, k, n, scheme):
        self.quantized = "w8a8" in scheme
        self.per_tensor = "tensor" in scheme
        self.bias = rng.standard_normal(n).astype(np.float32) if "bias" in scheme else None
        pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
        chosen = rng.integers(0, 6, (k // 4, n))
        # positions[2 q + s, j]: the position of kept value s of group q.
        self.positions = np.array([[pairs[c][s] for c in row] for row in chosen
                                   for s in (0, 1)]).reshape(k // 2, n)
        if self.quantized:
            self.values = rng.integers(-127, 128, (k // 2, n)).astype(np.int8)
            width = 1 if self.per_tensor else n
            self.s = (rng.random(width) * 0.02 + 0.005).astype(np.float32)
        else:
            self.values = rng.standard_normal((k // 2, n)).astype(np.float32)
        self.dense = np.zeros((k, n), self.values.dtype)
        rows = 4 * (np.arange(k // 2) // 2)[:, None] + self.positions
        self.dense[rows, np.arange(n)[None, :]] = self.values


def sparse24_text(i, m, k, n, form, w) -> list[str]:
    """%y<i> = sqz.matmul of %x<i> (quantized per token for W8A8) by the
    sqz.pack of w's kept values and positions."""
    transposed = form == "nk"
    values = w.values.T if transposed else w.values
    positions = w.positions.T if transposed else w.positions
    shape = "x".join(map(str, values.shape))
    logical = f"{n}x{k}" if transposed else f"{k}x{n}"
    sparsity = f"#sqz.sparsity<nm(2, 4, {1 if transposed else 0})>"
    signed = np.where(positions < 2, positions, positions - 4)  # as i2
    listed = "[" + ", ".join("[" + ", ".join(map(str, row)) + "]" for row in signed) + "]"
    lines = [f"    %pos{i} = arith.constant dense<{listed}> : tensor<{shape}xi2>"]
    element = "i8" if w.quantized else "f32"
    lines.append(f"    %v{i} = arith.constant dense<{hex_literal(values)}> : tensor<{shape}x{element}>")
    x, xtype, parts = f"%x{i}", f"tensor<{m}x{k}xf32>", ""
    wtype = f"!sqz.tensor<{logical}xf32, {sparsity}>"
    if w.quantized:
        channel = 0 if transposed else 1
        granularity = "per_tensor" if w.per_tensor else f"per_channel({channel})"
        scales = w.s.reshape(()) if w.per_tensor else w.s
        stype = "tensor<f32>" if w.per_tensor else f"tensor<{n}xf32>"
        lines.append(f"    %s{i} = arith.constant dense<{hex_literal(scales)}> : {stype}")
        parts = f" scales(%s{i} : {stype})"
        wtype = (f"!sqz.tensor<{logical}xf32, #sqz.quant<i8, {granularity}, symmetric>, "
                 f"{sparsity}>")
        xtype = f"!sqz.tensor<{m}x{k}xf32, #sqz.quant<i8, per_channel(0), symmetric>>"
        lines.append(f"    %q{i} = sqz.quantize %x{i} : tensor<{m}x{k}xf32> -> {xtype}")
        x = f"%q{i}"
    lines.append(f"    %w{i} = sqz.pack %v{i}{parts} metadata(%pos{i} : tensor<{shape}xi2>) : "
                 f"tensor<{shape}x{element}> -> {wtype}")
    bias = ""
    if w.bias is not None:
        lines.append(f"    %b{i} = arith.constant dense<{hex_literal(w.bias)}> : tensor<{n}xf32>")
        bias = f" bias(%b{i} : tensor<{n}xf32>)"
    attrs = " {rhs_transposed}" if transposed else ""
    lines.append(f"    %y{i} = sqz.matmul {x}, %w{i}{bias}{attrs} : {xtype}, {wtype} "
                 f"-> tensor<{m}x{n}xf32>")
    return lines


class UnsignedInput:
    """An i8 weight multiplied by unsigned i8 activation codes (extui), the
    accumulator starting at a constant per column: the integer contraction
    sqz-fold-scales makes of asymmetric static activations, whose zero
    point's correction it folds into the initial values."""

    def __init__(self, rng, k, n):
        self.w = rng.integers(-128, 128, (k, n)).astype(np.int8)
        self.init = rng.integers(-50000, 50000, n).astype(np.int32)


def weights(rng, k, n, element):
    if element == "u8":
        return UnsignedInput(rng, k, n)
    if element.startswith("sp24"):
        return Sparse24(rng, k, n, element)
    if element == "f32":
        return rng.standard_normal((k, n)).astype(np.float32)
    if element == "i8":
        return rng.integers(-128, 128, (k, n)).astype(np.int8)
    return Quantized(rng, k, n, element)


def inputs(rng, m, k, element):
    if element == "u8":
        return rng.integers(0, 256, (m, k)).astype(np.uint8).view(np.int8)
    if element == "i8":
        return rng.integers(-128, 128, (m, k)).astype(np.int8)
    return rng.standard_normal((m, k)).astype(np.float32)


def quantized_text(i, m, k, n, form, w) -> list[str]:
    """%y<i> = sqz.matmul of %x<i> by the sqz.pack of w."""
    transposed = form == "nk"
    storage = f"{'i' if w.signed else 'u'}{w.bits}"
    codes = w.q.T if transposed else w.q
    shape = "x".join(map(str, codes.shape))
    channel, reduction = (0, 1) if transposed else (1, 0)
    if w.granularity == "channel":
        granularity, params = f"per_channel({channel})", lambda p: p.reshape(-1)
    elif w.granularity == "tensor":
        granularity, params = "per_tensor", lambda p: p.reshape(())
    else:
        granularity = f"per_group({reduction}, {w.group})"
        params = (lambda p: p.T) if transposed else (lambda p: p)
    scheme = f"#sqz.quant<{storage}, {granularity}, " \
             f"{'asymmetric' if w.z is not None else 'symmetric'}>"
    wtype = f"!sqz.tensor<{shape}xf32, {scheme}>"

    def constant(name, array, element):
        dims = "x".join(map(str, array.shape))
        ttype = f"tensor<{dims + 'x' if dims else ''}{element}>"
        storage_type = "i8" if element.startswith("i") and element != "i32" else element
        data = np.ascontiguousarray(array).astype(
            {"f32": np.float32, "i32": np.int32}.get(element, np.int8))
        return ttype, f"    {name} = arith.constant dense<{hex_literal(data)}> : {ttype}"

    ctype, cline = constant(f"%c{i}", codes, f"i{w.bits}")
    stype, sline = constant(f"%s{i}", params(w.s), "f32")
    lines = [cline, sline]
    parts = f" scales(%s{i} : {stype})"
    if w.z is not None:
        ztype, zline = constant(f"%zp{i}", params(w.z), "i32")
        lines.append(zline)
        parts += f" zero_points(%zp{i} : {ztype})"
    lines.append(f"    %w{i} = sqz.pack %c{i}{parts} : {ctype} -> {wtype}")
    bias = ""
    if w.b is not None:
        btype, bline = constant(f"%b{i}", w.b, "f32")
        lines.append(bline)
        bias = f" bias(%b{i} : {btype})"
    attrs = " {rhs_transposed}" if transposed else ""
    lines.append(f"    %y{i} = sqz.matmul %x{i}, %w{i}{bias}{attrs} : tensor<{m}x{k}xf32>, "
                 f"{wtype} -> tensor<{m}x{n}xf32>")
    return lines


def layer_text(i, m, k, n, form, element, w) -> list[str]:
    """The lines computing %y<i> from %x<i>; w is [K, N]."""
    if isinstance(w, Quantized):
        return quantized_text(i, m, k, n, form, w)
    if isinstance(w, Sparse24):
        return sparse24_text(i, m, k, n, form, w)
    init = None
    if isinstance(w, UnsignedInput):
        w, init, element = w.w, w.init, "i8"
    acc = "f32" if element == "f32" else "i32"
    zero = "0.0" if element == "f32" else "0"
    stored = w.T if form.startswith("nk") else w
    shape = "x".join(map(str, stored.shape))
    lines = [f"    %w{i} = arith.constant dense<{hex_literal(stored)}> : tensor<{shape}x{element}>",
             f"    %z{i} = arith.constant {zero} : {acc}",
             f"    %e{i} = tensor.empty() : tensor<{m}x{n}x{acc}>",
             f"    %f{i} = linalg.fill ins(%z{i} : {acc}) outs(%e{i} : tensor<{m}x{n}x{acc}>) "
             f"-> tensor<{m}x{n}x{acc}>"]
    if init is not None:
        lines += [f"    %c{i} = arith.constant dense<{hex_literal(init)}> : tensor<{n}xi32>",
                  f"    %f{i}b = linalg.generic {{indexing_maps = [affine_map<(m, n) -> (n)>, "
                  f"affine_map<(m, n) -> (m, n)>], iterator_types = [\"parallel\", \"parallel\"]}} "
                  f"ins(%c{i} : tensor<{n}xi32>) outs(%e{i} : tensor<{m}x{n}xi32>) {{",
                  "    ^bb0(%v: i32, %o: i32):",
                  "      linalg.yield %v : i32",
                  f"    }} -> tensor<{m}x{n}xi32>"]
    accumulator = f"%f{i}b" if init is not None else f"%f{i}"
    extend = "extui" if init is not None else "extsi"
    weight, maps = f"%w{i}", MAPS["nk" if form == "nk-maps" else "kn"]
    weight_type = f"tensor<{shape}x{element}>"
    if form == "nk-transpose":
        lines += [f"    %et{i} = tensor.empty() : tensor<{k}x{n}x{element}>",
                  f"    %t{i} = linalg.transpose ins(%w{i} : {weight_type}) "
                  f"outs(%et{i} : tensor<{k}x{n}x{element}>) permutation = [1, 0]"]
        weight, weight_type = f"%t{i}", f"tensor<{k}x{n}x{element}>"
    types = f"tensor<{m}x{k}x{element}>, {weight_type}"
    if element == "f32":
        lines.append(f"    %y{i} = linalg.matmul indexing_maps = {maps} ins(%x{i}, {weight} : "
                     f"{types}) outs(%f{i} : tensor<{m}x{n}xf32>) -> tensor<{m}x{n}xf32>")
    else:
        lines += [f"    %y{i} = linalg.generic {{indexing_maps = {maps}, iterator_types = "
                  f'["parallel", "parallel", "reduction"]}} ins(%x{i}, {weight} : {types}) '
                  f"outs({accumulator} : tensor<{m}x{n}xi32>) {{",
                  "    ^bb0(%a: i8, %b: i8, %c: i32):",
                  f"      %a32 = arith.{extend} %a : i8 to i32",
                  "      %b32 = arith.extsi %b : i8 to i32",
                  "      %p = arith.muli %a32, %b32 : i32",
                  "      %s = arith.addi %c, %p : i32",
                  "      linalg.yield %s : i32",
                  f"    }} -> tensor<{m}x{n}xi32>"]
    return lines


def module_text(m, layers) -> str:
    args = ", ".join(f"%x{i}: tensor<{m}x{k}x{'i8' if e in ('i8', 'u8') else 'f32'}>"
                     for i, (k, n, _, e, _) in enumerate(layers))
    results = [f"tensor<{m}x{n}x{'i32' if e in ('i8', 'u8') else 'f32'}>"
               for k, n, _, e, _ in layers]
    body = []
    for i, (k, n, form, element, w) in enumerate(layers):
        body += layer_text(i, m, k, n, form, element, w)
    values = ", ".join(f"%y{i}" for i in range(len(layers)))
    return "\n".join([f"func.func @forward({args}) -> ({', '.join(results)}) {{", *body,
                      f"    return {values} : {', '.join(results)}", "}", ""])


def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(command)}\n{done.stderr}")
    return done.stdout


def check_rows(args, work, m, rng) -> int:
    layers = [(k, n, form, e, weights(rng, k, n, e)) for k, n, form, e in LAYERS]
    xs = [inputs(rng, m, k, e) for k, _, _, e, _ in layers]
    model = os.path.join(work, f"m{m}.mlir")
    with open(model, "w") as f:
        f.write(module_text(m, layers))
    paths = []
    for i, x in enumerate(xs):
        paths.append(os.path.join(work, f"m{m}-x{i}.npy"))
        np.save(paths[-1], x)

    calls = run([args.opt, model, "--sqz-cpu-gemm-kernels"]).count("call @sqz_cpu_gemm_")
    reference = os.path.join(work, f"m{m}.ref.mlir")
    run([args.opt, model, "--sqz-lower-to-cpu=kernels=0", "-o", reference])
    outs = {}
    flags = ["--weight-only-compute=int8"] if args.int8_compute else []
    for name, path, threads, extra in (("kernels", model, 1, flags),
                                       ("kernels-2", model, 2, flags),
                                       ("reference", reference, 1, [])):
        out_dir = os.path.join(work, f"m{m}-{name}")
        run([args.run, path, "--entry", "forward", "--input", ",".join(paths),
             "--output-dir", out_dir, f"--threads={threads}", *extra])
        outs[name] = [np.load(os.path.join(out_dir, f"out{i}.npy")) for i in range(len(layers))]
    # Threads split the output columns: the same sums, bit for bit.
    split = [i for i in range(len(layers))
             if not np.array_equal(outs["kernels"][i], outs["kernels-2"][i])]
    if split:
        print(f"FAIL M={m}: two threads differ from one in layers {split}")

    failures = (calls != len(layers)) + bool(split)
    if failures:
        print(f"FAIL M={m}: {calls} kernel calls for {len(layers)} layers")
    for i, (k, n, form, element, w) in enumerate(layers):
        got, ref = outs["kernels"][i], outs["reference"][i]
        what = f"M={m} K={k} N={n} {form} {element}"
        if isinstance(w, Sparse24) and w.quantized:
            # The same quantized codes and the same scale arithmetic: the
            # reference's result bit for bit.
            ok = np.array_equal(got, ref)
            verdict = ("bit-identical to the reference" if ok else
                       f"DIFFERS ({int((got != ref).sum())} outputs)")
        elif element == "u8":
            exact = (xs[i].view(np.uint8).astype(np.int64) @ w.w.astype(np.int64)
                     + w.init.astype(np.int64))
            wrapped = ((exact + 2 ** 31) % 2 ** 32 - 2 ** 31).astype(np.int32)
            ok = np.array_equal(got, ref) and np.array_equal(got, wrapped)
            verdict = "bit-identical to the reference and numpy" if ok else "DIFFERS"
        elif element == "i8":
            exact = xs[i].astype(np.int64) @ w.astype(np.int64)
            wrapped = ((exact + 2 ** 31) % 2 ** 32 - 2 ** 31).astype(np.int32)
            ok = np.array_equal(got, ref) and np.array_equal(got, wrapped)
            verdict = "bit-identical to the reference and numpy" if ok else "DIFFERS"
        elif args.int8_compute and isinstance(w, Quantized) and w.int8_kernel(k):
            ok, verdict = within_activation_step(got, ref, xs[i], w, k, n)
            what += " int8 compute"
        else:
            magnitude = (w.magnitude(k, n) if isinstance(w, Quantized) else
                         np.abs(w.dense).astype(np.float64) if isinstance(w, Sparse24)
                         else np.abs(w).astype(np.float64))
            bound = k * 2.0 ** -23 * (np.abs(xs[i]).astype(np.float64) @ magnitude)
            added = (w.b if isinstance(w, Quantized) else
                     w.bias if isinstance(w, Sparse24) else None)
            if added is not None:
                bound += 2.0 ** -23 * (np.abs(ref).astype(np.float64) + np.abs(added))
            diff = np.abs(got.astype(np.float64) - ref.astype(np.float64))
            ok = got.shape == ref.shape and bool((diff <= bound).all())
            verdict = (f"within the rounding bound (max diff {diff.max():.2e}, "
                       f"bound {bound.min():.2e}..{bound.max():.2e})" if ok else
                       f"OUTSIDE the rounding bound ({int((diff > bound).sum())} outputs)")
        print(f"{'ok  ' if ok else 'FAIL'} {what}: {verdict}")
        failures += not ok
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--opt", required=True)
    parser.add_argument("--run", required=True)
    parser.add_argument("--keep", help="keep the models and results in DIR")
    parser.add_argument("--int8-compute", action="store_true",
                        help="run the kernels with --weight-only-compute=int8 (AVX-512 "
                             "VNNI): weight-only layers within half an activation step")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory() as temp:
        work = args.keep or temp
        os.makedirs(work, exist_ok=True)
        failures = sum(check_rows(args, work, m, rng) for m in ROWS)
    print(f"{'PASS' if failures == 0 else 'FAIL'}: {failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
