#!/usr/bin/python3
"""Runs quantized models end to end and checks them against the numpy
reference (python/sqz_ref.py).

Two models with seeded random weights:

* `mlp`: python/make_example_mlp.py's MLP, 256 -> 1024 -> 256, batch 8
  (x W1 + b1, ReLU, then W2);
* `block`: a pre-LayerNorm transformer block, hidden 256, 4 heads of 64,
  FFN 1024 (tanh GELU), sequence 16, written in linalg/arith/math: LayerNorm
  as reductions, Q/K/V/O and FFN projections as linalg.matmul on constant
  weights in three layouts ([K, N]; PyTorch's [N, K] read through transposing
  indexing_maps; [N, K] through a linalg.transpose of the constant),
  attention scores and context as batch_matmuls of two activations (which no
  pass quantizes), linalg.softmax, residual adds.

The fp32 model and every quantized scheme (int8/int4 x per tensor/channel/
group, symmetric and asymmetric, W8A8 with dynamic activations per tensor or
per token, W4A8) are run by sqz-run on the same seeded input, after
`sqz-opt --sqz-quantize-weights=... [--sqz-quantize-activations=...]`.

Each model function also returns its taps: the input and the (pre-bias)
output of every linear layer. The check is then made layer by layer, each
layer from the input it really got at run time ("teacher forcing"), so that
an ulp of difference upstream (libm's expf/tanhf against numpy's) cannot flip
an activation code and pass for a bug:

* every quantized linear layer must match sqz_ref bit for bit: weight codes
  from quantize_rtn; activations from quant_params/quantize; integer_matmul
  then f32(acc) * (sa * sw) where both scales factor out of the K sum; else
  dequantize and a float matmul summed over k in order from +0, as the
  lowered loops do. No tolerance: the lowering performs the same correctly
  rounded f32 operations (no FMA contraction, no reassociation);
* the linear layers of the fp32 model and of weight-only schemes run on the
  CPU GEMM kernels, which sum in another order with fused multiply-adds (and
  apply scales per group after the sum): each output must be within
  K * 2^-23 * (|a| @ |W|) of the in-order sum, the rounding bound of any
  summation order, |W| = (|q - z| + |z|) * s for quantized weights; their
  output without taps is held to E2E_RTOL;
* the float glue between layers (bias, ReLU / LayerNorm, attention, softmax,
  GELU, residuals), recomputed in numpy from the tapped tensors, must match
  the next tap and the output: bit for bit in the MLP (additions and max
  only); in the block within GLUE_RTOL of the tensor's largest magnitude,
  because exp and tanh come from libm at run time and from numpy here (each
  within an ulp or two, so differences are a few ulp of the largest value).

In addition, the model is run through numpy from the input alone with the
same quantization (no taps) and compared with the run's output: bit for bit
for the MLP; for the block within E2E_RTOL relative L2, unless an activation
code came out differently (the libm/numpy ulps above, at a rounding
boundary of a dynamic activation quantizer, move a code by one step, which
moves the output by far more than any float tolerance): then every such code
must differ by exactly one, and their number is reported. The
teacher-forced check above stays the exact one.

For the schemes in CODE_SCHEMES the model also returns, for every layer,
the weight codes (widened to i32), scales, zero points and dequantized
weight (sqz.unpack / sqz.dequantize of each sqz.pack; int4 codes are packed
two to a byte by the lowering and unpacked at run time), which must equal
sqz_ref's bit for bit.

Reports each scheme's output error against the fp32 model (relative L2 and
max abs), checks orderings that must hold (int8 per channel more accurate
than int4 per channel; int4 per group more accurate than int4 per tensor;
int8 per tensor more accurate than int4 per tensor), prints a table and
with --table writes it as Markdown. Exits 1 on any mismatch.

Prints one line per scheme ("ok   MODEL SCHEME: ..." or "FAIL ..."), one
per ordering, the error table and "MODEL: 15 schemes, N mismatching the
reference, N orderings violated"; last "PASS: 0 problem(s)" or "FAIL: ...".

Usage: run_quantized_models.py --opt PATH/TO/sqz-opt --run PATH/TO/sqz-run
                               --model mlp|block|all [--seed N] [--table OUT.md]
                               [--opt-level N] [--workdir DIR]

--opt-level is passed to sqz-run (default 3, as sqz-run's); the outputs are
the same bits at every level (no fast-math flags anywhere), only the JIT's
compile time changes.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sqz_ref  # noqa: E402
from make_example_mlp import dense_hex, mlp_text, mlp_weights  # noqa: E402

F32 = np.float32

# Block glue: |run - numpy| <= GLUE_RTOL * max|numpy| per tapped tensor.
GLUE_RTOL = 1e-6
# Block, no taps, float paths: ||run - numpy|| <= E2E_RTOL ||numpy||.
E2E_RTOL = 1e-5
# The fp32 model's layers run on the CPU GEMM kernel (sqz-cpu-gemm-kernels).
FP32_VERDICT = "layers within the f32 rounding bound of the kernel's summation order"
# Weight-only schemes run on the quantized-weight kernels.
KERNEL_VERDICT = "layers within the rounding bound of the kernel's summation order"
GROUP = 128

# (label, weight options, activation options or None)
SCHEMES = [
    ("int8 tensor sym", dict(bits=8, granularity="tensor", symmetric=True), None),
    ("int8 tensor asym", dict(bits=8, granularity="tensor", symmetric=False), None),
    ("int8 channel sym", dict(bits=8, granularity="channel", symmetric=True), None),
    ("int8 channel asym", dict(bits=8, granularity="channel", symmetric=False), None),
    ("int8 group128 sym", dict(bits=8, granularity="group", symmetric=True), None),
    ("int4 tensor sym", dict(bits=4, granularity="tensor", symmetric=True), None),
    ("int4 channel sym", dict(bits=4, granularity="channel", symmetric=True), None),
    ("int4 channel asym", dict(bits=4, granularity="channel", symmetric=False), None),
    ("int4 group128 sym", dict(bits=4, granularity="group", symmetric=True), None),
    ("int4 group128 asym", dict(bits=4, granularity="group", symmetric=False), None),
    ("W8A8 channel sym / tensor sym", dict(bits=8, granularity="channel", symmetric=True),
     dict(granularity="tensor", symmetric=True)),
    ("W8A8 channel sym / token sym", dict(bits=8, granularity="channel", symmetric=True),
     dict(granularity="token", symmetric=True)),
    ("W8A8 channel asym / token asym", dict(bits=8, granularity="channel", symmetric=False),
     dict(granularity="token", symmetric=False)),
    ("W8A8 tensor sym / tensor asym", dict(bits=8, granularity="tensor", symmetric=True),
     dict(granularity="tensor", symmetric=False)),
    ("W4A8 group128 sym / token sym", dict(bits=4, granularity="group", symmetric=True),
     dict(granularity="token", symmetric=True)),
]

# (more accurate, less accurate): relative L2 error vs fp32 must be ordered.
ORDERINGS = [
    ("int8 channel sym", "int4 channel sym"),
    ("int8 channel asym", "int4 channel asym"),
    ("int4 group128 sym", "int4 tensor sym"),
    ("int8 tensor sym", "int4 tensor sym"),
]

# Schemes whose codes, scales and zero points are read back at run time.
CODE_SCHEMES = ["int4 group128 asym", "int4 channel sym", "int8 channel asym"]


def flag(value: bool) -> str:
    return "true" if value else "false"


def weight_option(w: dict) -> str:
    group = f" group-size={GROUP}" if w["granularity"] == "group" else ""
    return (f"--sqz-quantize-weights=bits={w['bits']} granularity={w['granularity']}"
            f"{group} symmetric={flag(w['symmetric'])}")


def activation_option(a: dict) -> str:
    return (f"--sqz-quantize-activations=mode=dynamic granularity={a['granularity']} "
            f"bits=8 symmetric={flag(a['symmetric'])}")


# ---------------------------------------------------------------------------
# f32 arithmetic in the order of the lowered loops
# ---------------------------------------------------------------------------

def seq_matmul(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """a [..., M, K] @ w [..., K, N] in f32, every output summed over k in
    order from +0: acc = acc + a[k] * w[k], each op rounded to f32, as the
    loops of a lowered linalg contraction compute it."""
    a = a.astype(F32)
    w = w.astype(F32)
    acc = np.zeros(a.shape[:-1] + w.shape[-1:], dtype=F32)
    for k in range(a.shape[-1]):
        acc = acc + a[..., :, k:k + 1] * w[..., k:k + 1, :]
    return acc


def seq_sum(x: np.ndarray) -> np.ndarray:
    """Sum over the last axis in order from +0, in f32."""
    acc = np.zeros(x.shape[:-1], dtype=F32)
    for j in range(x.shape[-1]):
        acc = acc + x[..., j]
    return acc


# ---------------------------------------------------------------------------
# The quantized linear layer, from sqz_ref
# ---------------------------------------------------------------------------

class Linear:
    """A linear layer y = a W; `weight` as stored: [K, N] (layout "kn") or
    [N, K] ("nk-maps": transposing indexing_maps; "nk-transpose": a
    linalg.transpose of the constant)."""

    def __init__(self, name: str, weight: np.ndarray, layout: str, tap_in, tap_out):
        self.name, self.weight, self.layout = name, weight, layout
        self.tap_in, self.tap_out = tap_in, tap_out
        self.transposed = layout != "kn"

    def granularity(self, kind: str):
        """sqz_ref's granularity of the stored weight for a scheme."""
        channel_axis, reduction_axis = (0, 1) if self.transposed else (1, 0)
        return {"tensor": "tensor", "channel": ("channel", channel_axis),
                "group": ("group", reduction_axis, GROUP)}[kind]

    def quantized_weight(self, w: dict):
        """(codes, scales, zero points, dequantized) of the stored weight."""
        g = self.granularity(w["granularity"])
        codes, scales, zps = sqz_ref.quantize_rtn(self.weight, g, w["bits"], w["symmetric"])
        return codes, scales, zps, sqz_ref.dequantize(codes, scales, zps, g)

    @staticmethod
    def activation_granularity(a: np.ndarray, act: dict):
        """sqz_ref's granularity of a dynamic activation: per tensor, or per
        row (token), the last-but-one axis."""
        return "tensor" if act["granularity"] == "tensor" else ("channel", a.ndim - 2)

    def activation_codes(self, a: np.ndarray, act: dict) -> np.ndarray:
        g = self.activation_granularity(a, act)
        sa, za = sqz_ref.quant_params(a, g, 8, act["symmetric"])
        return sqz_ref.quantize(a, sa, za, g, 8, act["symmetric"])

    def kn(self, x: np.ndarray) -> np.ndarray:
        """A stored-layout tensor as [K, N]."""
        return x.T if self.transposed else x

    def magnitude(self, scheme) -> np.ndarray:
        """|W| as [K, N] for the rounding bound of a kernel's summation
        order: |w| in fp32; (|q - z| + |z|) * s for a weight-only quantized
        weight, as the kernels subtract the zero point's share after the
        sum."""
        if scheme is None or scheme[1] is None:  # fp32, or pruned fp32
            return np.abs(self.kn(self.weight)).astype(np.float64)
        codes, scales, zps, dequantized = self.quantized_weight(scheme[1])
        g = self.granularity(scheme[1]["granularity"])
        zero_share = sqz_ref.dequantize(np.zeros_like(codes), scales, zps, g)
        return (np.abs(self.kn(dequantized)).astype(np.float64) +
                np.abs(self.kn(zero_share)).astype(np.float64))

    def forward(self, a: np.ndarray, scheme) -> np.ndarray:
        """The layer's output (before bias) as convert-sqz-to-linalg computes it."""
        if scheme is None:
            return seq_matmul(a, self.kn(self.weight))
        _, w, act = scheme
        codes, scales, zps, dequantized = self.quantized_weight(w)
        if act is None:
            return seq_matmul(a, self.kn(dequantized))
        # Dynamic activation parameters per tensor or per row (token).
        ag = self.activation_granularity(a, act)
        sa, za = sqz_ref.quant_params(a, ag, 8, act["symmetric"])
        qa = sqz_ref.quantize(a, sa, za, ag, 8, act["symmetric"])
        if w["granularity"] == "group":
            # A per-group weight scale varies along K: the lowering
            # dequantizes both operands and multiplies in float.
            da = sqz_ref.dequantize(qa, sa, za, ag)
            return seq_matmul(da, self.kn(dequantized))
        # Both scales leave the K sum: exact integers, then
        # f32(acc) * (sa * sw) in f32. Per-token parameters broadcast as
        # [M, 1], per-channel ones as [1, N], per-tensor ones are scalars.
        def row(p):
            return p.reshape(-1, 1) if p is not None and p.ndim == 1 else p

        def column(p):
            return p.reshape(1, -1) if p is not None and p.ndim == 1 else p

        acc = sqz_ref.integer_matmul(qa, row(za), self.kn(codes), column(zps))
        assert np.abs(acc).max() < 2 ** 31, "i32 accumulator overflow"
        scale = (row(sa).astype(F32) * column(scales).astype(F32)).astype(F32)
        return (acc.astype(np.int32).astype(F32) * scale).astype(F32)


# ---------------------------------------------------------------------------
# Models: MLIR text and the same computation in numpy
# ---------------------------------------------------------------------------

class Mlp:
    """make_example_mlp.py's MLP; taps: fc1's output h, fc2's input a (fc2's
    output is the model's)."""
    name, entry = "mlp", "mlp"
    title = ("MLP: 256 -> 1024 -> 256, batch 8 (x W1 + b1, ReLU, W2; "
             "python/make_example_mlp.py weights)")
    batch, dims = 8, (256, 1024, 256)
    # Glue (bias + ReLU) is exact: additions and max in the same order.
    glue_rtol = 0.0
    # Without taps too: nothing in the model rounds differently.
    e2e_exact = True
    verdict = "layers bit-exact, output bit-exact"
    weights_note = ("Weights as in `python/make_example_mlp.py` (N(0, 1/fan_in), bias "
                    "N(0, 0.01)), input N(0, 1).")

    def __init__(self, seed: int):
        self.seed = seed
        self.w = mlp_weights(seed, self.dims)
        self.x = np.random.default_rng(seed + 1000).standard_normal(
            (self.batch, self.dims[0])).astype(F32)
        # Results: out0 the output, then the taps in this order.
        self.taps = ["h", "a"]
        self.layers = [Linear("fc1", self.w["w1"], "kn", None, "h"),
                       Linear("fc2", self.w["w2"], "kn", "a", "out")]

    def text(self) -> str:
        return mlp_text(self.w, self.batch, self.seed, taps=True)

    def forward(self, x: np.ndarray, linear) -> np.ndarray:
        """linear(layer, input) gives the layer's pre-bias output."""
        fc1, fc2 = self.layers
        h = linear(fc1, x)
        a = np.maximum(h + self.w["b1"], F32(0))
        return linear(fc2, a)


class Block:
    """The transformer block; taps: the input and output of each of the six
    linear layers (q/k/v share the input h1)."""
    name, entry = "block", "block"
    title = ("Transformer block: hidden 256, 4 heads, FFN 1024 (GELU), sequence 16 "
             "(pre-LayerNorm, 6 linear layers)")
    S, D, H, F = 16, 256, 4, 1024
    glue_rtol = GLUE_RTOL
    e2e_exact = False
    verdict = f"layers bit-exact, glue within {GLUE_RTOL:g}"
    weights_note = ("Weights N(0, 1/K) with each output channel scaled by exp(0.3 N(0, 1)); "
                    "LayerNorm gains 1 + N(0, 0.01), shifts and biases small normals; "
                    "input N(0, 1). Q and O weights [K, N], K and FFN-up [N, K] read by "
                    "transposing indexing_maps, V [N, K] through linalg.transpose.")

    def __init__(self, seed: int):
        rng = np.random.default_rng(seed)
        S, D, F = self.S, self.D, self.F

        def linear_weight(n_out, k_in, nk):
            # N(0, 1/K), each output channel scaled by a log-normal factor:
            # channels of different ranges, as in trained models.
            w = rng.standard_normal((k_in, n_out)) / np.sqrt(k_in)
            w = w * np.exp(0.3 * rng.standard_normal(n_out))
            return (w.T if nk else w).astype(F32)

        w = {}
        w["ln1_g"] = (1 + 0.1 * rng.standard_normal(D)).astype(F32)
        w["ln1_b"] = (0.1 * rng.standard_normal(D)).astype(F32)
        w["wq"] = linear_weight(D, D, False)       # [K, N]
        w["wk"] = linear_weight(D, D, True)        # [N, K], transposing maps
        w["wv"] = linear_weight(D, D, True)        # [N, K], linalg.transpose
        w["wo"] = linear_weight(D, D, False)
        w["ln2_g"] = (1 + 0.1 * rng.standard_normal(D)).astype(F32)
        w["ln2_b"] = (0.1 * rng.standard_normal(D)).astype(F32)
        w["w1"] = linear_weight(F, D, True)        # [N, K], transposing maps
        w["w2"] = linear_weight(D, F, False)
        for name, n in (("bq", D), ("bk", D), ("bv", D), ("bo", D), ("b1", F), ("b2", D)):
            w[name] = (0.02 * rng.standard_normal(n)).astype(F32)
        self.w = w
        self.x = np.random.default_rng(seed + 1000).standard_normal((S, D)).astype(F32)
        self.taps = ["h1", "q", "k", "v", "ctx", "o", "h2", "f1", "g", "f2"]
        self.layers = [Linear("q_proj", w["wq"], "kn", "h1", "q"),
                       Linear("k_proj", w["wk"], "nk-maps", "h1", "k"),
                       Linear("v_proj", w["wv"], "nk-transpose", "h1", "v"),
                       Linear("o_proj", w["wo"], "kn", "ctx", "o"),
                       Linear("fc1", w["w1"], "nk-maps", "h2", "f1"),
                       Linear("fc2", w["w2"], "kn", "g", "f2")]

    # -- numpy --------------------------------------------------------------

    @staticmethod
    def layer_norm(x, gamma, beta):
        d = F32(x.shape[-1])
        mean = seq_sum(x) / d
        centered = x - mean[:, None]
        var = seq_sum(centered * centered) / d
        denom = np.sqrt(var + F32(1e-5))
        return (centered / denom[:, None]) * gamma + beta

    @staticmethod
    def gelu(x):
        inner = F32(0.7978845608028654) * (x + F32(0.044715) * (x * x * x))
        return F32(0.5) * x * (F32(1) + np.tanh(inner))

    def forward(self, x, linear):
        S, D, H = self.S, self.D, self.H
        dh = D // H
        w = self.w
        q_proj, k_proj, v_proj, o_proj, fc1, fc2 = self.layers
        h1 = self.layer_norm(x, w["ln1_g"], w["ln1_b"])
        q = linear(q_proj, h1) + w["bq"]
        k = linear(k_proj, h1) + w["bk"]
        v = linear(v_proj, h1) + w["bv"]
        qh = q.reshape(S, H, dh).transpose(1, 0, 2)
        kt = k.reshape(S, H, dh).transpose(1, 2, 0)
        vh = v.reshape(S, H, dh).transpose(1, 0, 2)
        scores = seq_matmul(qh, kt) * F32(0.125)
        e = np.exp(scores - scores.max(axis=-1, keepdims=True))
        p = e / seq_sum(e)[..., None]
        ctx = seq_matmul(p, vh).transpose(1, 0, 2).reshape(S, D)
        x2 = x + (linear(o_proj, ctx) + w["bo"])
        h2 = self.layer_norm(x2, w["ln2_g"], w["ln2_b"])
        g = self.gelu(linear(fc1, h2) + w["b1"])
        return x2 + (linear(fc2, g) + w["b2"])

    # -- MLIR ---------------------------------------------------------------

    def text(self) -> str:
        S, D, H, F = self.S, self.D, self.H, self.F
        dh = D // H
        w = self.w
        t = lambda *shape: "tensor<" + "x".join(map(str, shape)) + "xf32>"  # noqa: E731
        lines = []
        emit = lines.append

        def fill(name, *shape):
            emit(f"  %{name}_e = tensor.empty() : {t(*shape)}")
            emit(f"  %{name}_z = linalg.fill ins(%zero : f32) outs(%{name}_e : {t(*shape)}) "
                 f"-> {t(*shape)}")
            return f"%{name}_z"

        def elementwise(name, ins, maps, shape, body):
            """A parallel linalg.generic; `ins` are (value, type); `body`
            gets the block argument names and returns (lines, result)."""
            args = [f"%{name}_a{i}" for i in range(len(ins))]
            rank = len(shape)
            iters = ", ".join(['"parallel"'] * rank)
            emit(f"  %{name}_o = tensor.empty() : {t(*shape)}")
            emit(f"  %{name} = linalg.generic {{indexing_maps = [{', '.join(maps)}], "
                 f"iterator_types = [{iters}]}}")
            emit(f"      ins({', '.join(v for v, _ in ins)} : {', '.join(ty for _, ty in ins)}) "
                 f"outs(%{name}_o : {t(*shape)}) {{")
            emit(f"  ^bb0({', '.join(a + ': f32' for a in args)}, %{name}_out: f32):")
            body_lines, result = body(args)
            for line in body_lines:
                emit("    " + line)
            emit(f"    linalg.yield {result} : f32")
            emit(f"  }} -> {t(*shape)}")
            return f"%{name}"

        def reduce_rows(name, ins, maps, body):
            """Sums body(args) over j into [S] (sequential in j)."""
            init = fill(name, S)
            args = [f"%{name}_a{i}" for i in range(len(ins))]
            emit(f"  %{name} = linalg.generic {{indexing_maps = [{', '.join(maps)}, #row], "
                 f'iterator_types = ["parallel", "reduction"]}}')
            emit(f"      ins({', '.join(v for v, _ in ins)} : {', '.join(ty for _, ty in ins)}) "
                 f"outs({init} : {t(S)}) {{")
            emit(f"  ^bb0({', '.join(a + ': f32' for a in args)}, %{name}_acc: f32):")
            body_lines, value = body(args)
            for line in body_lines:
                emit("    " + line)
            emit(f"    %{name}_s = arith.addf %{name}_acc, {value} : f32")
            emit(f"    linalg.yield %{name}_s : f32")
            emit(f"  }} -> {t(S)}")
            return f"%{name}"

        def layer_norm(name, x, gamma, beta):
            total = reduce_rows(f"{name}_sum", [(x, t(S, D))], ["#id"], lambda a: ([], a[0]))
            mean = elementwise(f"{name}_mean", [(total, t(S))], ["#id1", "#id1"], (S,),
                               lambda a: ([f"%{name}_m = arith.divf {a[0]}, %dsize : f32"],
                                          f"%{name}_m"))
            sq = reduce_rows(f"{name}_sq", [(x, t(S, D)), (mean, t(S))], ["#id", "#row"],
                             lambda a: ([f"%{name}_c = arith.subf {a[0]}, {a[1]} : f32",
                                         f"%{name}_cc = arith.mulf %{name}_c, %{name}_c : f32"],
                                        f"%{name}_cc"))
            denom = elementwise(f"{name}_den", [(sq, t(S))], ["#id1", "#id1"], (S,),
                                lambda a: ([f"%{name}_v = arith.divf {a[0]}, %dsize : f32",
                                            f"%{name}_ve = arith.addf %{name}_v, %eps : f32",
                                            f"%{name}_r = math.sqrt %{name}_ve : f32"],
                                           f"%{name}_r"))
            return elementwise(
                name, [(x, t(S, D)), (mean, t(S)), (denom, t(S)), (gamma, t(D)), (beta, t(D))],
                ["#id", "#row", "#row", "#col", "#col", "#id"], (S, D),
                lambda a: ([f"%{name}_c = arith.subf {a[0]}, {a[1]} : f32",
                            f"%{name}_n = arith.divf %{name}_c, {a[2]} : f32",
                            f"%{name}_g = arith.mulf %{name}_n, {a[3]} : f32",
                            f"%{name}_y = arith.addf %{name}_g, {a[4]} : f32"], f"%{name}_y"))

        def matmul(name, a, weight, layout, m, k, n):
            acc = fill(name, m, n)
            if layout == "kn":
                emit(f"  %{name} = linalg.matmul ins({a}, {weight} : {t(m, k)}, {t(k, n)}) "
                     f"outs({acc} : {t(m, n)}) -> {t(m, n)}")
            elif layout == "nk-maps":
                emit(f"  %{name} = linalg.matmul indexing_maps = [#mm_a, #mm_bt, #mm_c] "
                     f"ins({a}, {weight} : {t(m, k)}, {t(n, k)}) "
                     f"outs({acc} : {t(m, n)}) -> {t(m, n)}")
            else:
                emit(f"  %{name}_te = tensor.empty() : {t(k, n)}")
                emit(f"  %{name}_wt = linalg.transpose ins({weight} : {t(n, k)}) "
                     f"outs(%{name}_te : {t(k, n)}) permutation = [1, 0]")
                emit(f"  %{name} = linalg.matmul ins({a}, %{name}_wt : {t(m, k)}, {t(k, n)}) "
                     f"outs({acc} : {t(m, n)}) -> {t(m, n)}")
            return f"%{name}"

        def add_bias(name, y, bias, m, n, residual=None):
            ins = [(y, t(m, n)), (bias, t(n))]
            maps = ["#id", "#col"]
            if residual:
                ins.append((residual, t(m, n)))
                maps.append("#id")

            def body(a):
                ops = [f"%{name}_b = arith.addf {a[0]}, {a[1]} : f32"]
                if residual:
                    ops.append(f"%{name}_r = arith.addf {a[2]}, %{name}_b : f32")
                    return ops, f"%{name}_r"
                return ops, f"%{name}_b"
            return elementwise(name, ins, maps + ["#id"], (m, n), body)

        def heads(name, y, permutation):
            shape = [S, H, dh]
            out = [shape[p] for p in permutation]
            emit(f"  %{name}_x = tensor.expand_shape {y} [[0], [1, 2]] "
                 f"output_shape [{S}, {H}, {dh}] : {t(S, D)} into {t(S, H, dh)}")
            emit(f"  %{name}_e = tensor.empty() : {t(*out)}")
            emit(f"  %{name} = linalg.transpose ins(%{name}_x : {t(S, H, dh)}) "
                 f"outs(%{name}_e : {t(*out)}) permutation = {list(permutation)}")
            return f"%{name}"

        def batch_matmul(name, a, b, shape_a, shape_b):
            shape_c = (shape_a[0], shape_a[1], shape_b[2])
            acc = fill(name, *shape_c)
            emit(f"  %{name} = linalg.batch_matmul ins({a}, {b} : {t(*shape_a)}, {t(*shape_b)}) "
                 f"outs({acc} : {t(*shape_c)}) -> {t(*shape_c)}")
            return f"%{name}"

        for name, value in w.items():
            emit(f"  %{name} = arith.constant dense<{dense_hex(value)}> : {t(*value.shape)}")
        emit("  %zero = arith.constant 0.0 : f32")
        emit(f"  %dsize = arith.constant {float(D):e} : f32")
        emit("  %eps = arith.constant 9.99999974E-6 : f32")
        emit("  %scale = arith.constant 1.250000e-01 : f32")
        emit("  %half = arith.constant 5.000000e-01 : f32")
        emit("  %one = arith.constant 1.000000e+00 : f32")
        emit("  %c0 = arith.constant 4.471500e-02 : f32")
        emit("  %c1 = arith.constant 0.797884583 : f32")

        h1 = layer_norm("h1", "%x", "%ln1_g", "%ln1_b")
        q = matmul("q", h1, "%wq", "kn", S, D, D)
        k = matmul("k", h1, "%wk", "nk-maps", S, D, D)
        v = matmul("v", h1, "%wv", "nk-transpose", S, D, D)
        qb = add_bias("qb", q, "%bq", S, D)
        kb = add_bias("kb", k, "%bk", S, D)
        vb = add_bias("vb", v, "%bv", S, D)
        qh = heads("qh", qb, (1, 0, 2))
        kt = heads("kt", kb, (1, 2, 0))
        vh = heads("vh", vb, (1, 0, 2))
        scores = batch_matmul("scores", qh, kt, (H, S, dh), (H, dh, S))
        scaled = elementwise("scaled", [(scores, t(H, S, S))], ["#id3", "#id3"], (H, S, S),
                             lambda a: ([f"%sc = arith.mulf {a[0]}, %scale : f32"], "%sc"))
        emit(f"  %probs_e = tensor.empty() : {t(H, S, S)}")
        emit(f"  %probs = linalg.softmax dimension(2) ins({scaled} : {t(H, S, S)}) "
             f"outs(%probs_e : {t(H, S, S)}) -> {t(H, S, S)}")
        ctx_h = batch_matmul("ctxh", "%probs", vh, (H, S, S), (H, S, dh))
        emit(f"  %ctxt_e = tensor.empty() : {t(S, H, dh)}")
        emit(f"  %ctxt = linalg.transpose ins({ctx_h} : {t(H, S, dh)}) "
             f"outs(%ctxt_e : {t(S, H, dh)}) permutation = [1, 0, 2]")
        emit(f"  %ctx = tensor.collapse_shape %ctxt [[0], [1, 2]] : {t(S, H, dh)} into {t(S, D)}")
        o = matmul("o", "%ctx", "%wo", "kn", S, D, D)
        x2 = add_bias("x2", o, "%bo", S, D, residual="%x")
        h2 = layer_norm("h2", x2, "%ln2_g", "%ln2_b")
        f1 = matmul("f1", h2, "%w1", "nk-maps", S, D, F)
        g = elementwise(
            "g", [(f1, t(S, F)), ("%b1", t(F))], ["#id", "#col", "#id"], (S, F),
            lambda a: (["%gx = arith.addf " + a[0] + ", " + a[1] + " : f32",
                        "%gx2 = arith.mulf %gx, %gx : f32",
                        "%gx3 = arith.mulf %gx2, %gx : f32",
                        "%gp = arith.mulf %c0, %gx3 : f32",
                        "%gs = arith.addf %gx, %gp : f32",
                        "%gi = arith.mulf %c1, %gs : f32",
                        "%gt = math.tanh %gi : f32",
                        "%g1 = arith.addf %one, %gt : f32",
                        "%gh = arith.mulf %half, %gx : f32",
                        "%gy = arith.mulf %gh, %g1 : f32"], "%gy"))
        f2 = matmul("f2", g, "%w2", "kn", S, F, D)
        y = add_bias("y", f2, "%b2", S, D, residual=x2)

        values = {"out": y, "h1": h1, "q": q, "k": k, "v": v, "ctx": "%ctx", "o": o,
                  "h2": h2, "f1": f1, "g": g, "f2": f2}
        shapes = {"f1": (S, F), "g": (S, F)}
        names = ["out"] + self.taps
        types = [t(*shapes.get(n, (S, D))) for n in names]
        header = f"""// A pre-LayerNorm transformer block: hidden {D}, {H} heads of {dh}, FFN {F},
// sequence {S}. Generated by python/run_quantized_models.py --model block.
// Results: the output, then the taps {', '.join(self.taps)}.
#id = affine_map<(i, j) -> (i, j)>
#id1 = affine_map<(i) -> (i)>
#id3 = affine_map<(h, i, j) -> (h, i, j)>
#row = affine_map<(i, j) -> (i)>
#col = affine_map<(i, j) -> (j)>
#mm_a = affine_map<(m, n, k) -> (m, k)>
#mm_bt = affine_map<(m, n, k) -> (n, k)>
#mm_c = affine_map<(m, n, k) -> (m, n)>
func.func @block(%x: {t(S, D)}) -> ({', '.join(types)}) {{
"""
        footer = (f"  return {', '.join(values[n] for n in names)} : {', '.join(types)}\n"
                  "}\n")
        return header + "\n".join(lines) + "\n" + footer


MODELS = {"mlp": Mlp, "block": Block}


# ---------------------------------------------------------------------------
# Running and checking
# ---------------------------------------------------------------------------

def run(command) -> str:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"run_quantized_models: failed: {' '.join(command)}")
    return result.stdout


def execute(args, path: str, entry: str, x_path: str, out_dir: str, count: int):
    """sqz-run on the model; returns its first `count` results."""
    run([args.run, path, "--entry", entry, "--input", x_path, "--output-dir", out_dir,
         f"--opt-level={args.opt_level}"])
    return [np.load(os.path.join(out_dir, f"out{i}.npy")) for i in range(count)]


def exact(a: np.ndarray, b: np.ndarray) -> bool:
    """Same dtype, shape and bits."""
    return a.shape == b.shape and a.dtype == b.dtype and np.array_equal(
        np.ascontiguousarray(a).view(np.uint8), np.ascontiguousarray(b).view(np.uint8))


def relative_l2(a: np.ndarray, ref: np.ndarray) -> float:
    diff = a.astype(np.float64) - ref.astype(np.float64)
    return float(np.linalg.norm(diff) / np.linalg.norm(ref.astype(np.float64)))


def max_abs(a: np.ndarray, ref: np.ndarray) -> float:
    return float(np.max(np.abs(a.astype(np.float64) - ref.astype(np.float64))))


def runs_on_kernel(scheme) -> bool:
    """Whether the scheme's linear layers run on the CPU GEMM kernels
    (sqz-cpu-gemm-kernels): fp32 and weight-only quantized ones do; those
    with quantized activations stay on the reference lowering here (no
    sqz-fold-scales)."""
    return scheme is None or (scheme[1] is not None and scheme[2] is None)


def check_layers(model, scheme, outputs: dict, kernel=None) -> list[str]:
    """The teacher-forced check: every layer from its tapped input, bit for
    bit; the glue between layers within model.glue_rtol. Layers that run on
    a CPU GEMM kernel (`kernel`, by default `runs_on_kernel(scheme)`) are
    held to the rounding bound of its summation order instead. Returns the
    problems found."""
    if kernel is None:
        kernel = runs_on_kernel(scheme)
    problems = []
    rtol = model.glue_rtol

    def glue_matches(what, expected, got):
        if rtol == 0.0:
            if not exact(expected, got):
                problems.append(f"{what}: not bit-exact (max abs diff "
                                f"{max_abs(got, expected):.3g})")
        else:
            bound = rtol * float(np.max(np.abs(expected)))
            if max_abs(got, expected) > bound:
                problems.append(f"{what}: max abs diff {max_abs(got, expected):.3g} "
                                f"> {bound:.3g}")

    def linear(layer, a):
        if layer.tap_in is not None:
            glue_matches(f"{layer.name} input", a, outputs[layer.tap_in])
            a = outputs[layer.tap_in]
        expected = layer.forward(a, scheme)
        got = outputs[layer.tap_out]
        if kernel:
            # fp32 and weight-only layers run on the CPU GEMM kernels, which
            # sum in another order with fused multiply-adds: within the
            # rounding bound of any order, K * 2^-23 * (|a| @ |W|), of the
            # in-order sum.
            bound = (a.shape[-1] * 2.0 ** -23 *
                     (np.abs(a).astype(np.float64) @ layer.magnitude(scheme)))
            excess = np.abs(got.astype(np.float64) - expected) > bound
            if excess.any():
                problems.append(f"{layer.name}: {int(excess.sum())} of {got.size} "
                                "outputs outside the f32 rounding bound")
        elif not exact(expected, got):
            bad = int(np.sum(expected.view(np.uint32) != got.view(np.uint32)))
            problems.append(f"{layer.name}: {bad} of {got.size} outputs differ from "
                            f"sqz_ref (max abs diff {max_abs(got, expected):.3g})")
        return got

    glue_matches("output", model.forward(model.x, linear), outputs["out"])
    return problems


def check_without_taps(model, scheme, outputs: dict,
                       kernel=None) -> tuple[list[str], str]:
    """Numpy from the input alone against the run's output. Returns the
    problems and a note."""
    act = scheme[2]
    moved = []       # |numpy code - run code| of the activations, per layer

    def linear(layer, a):
        if act is not None:
            tapped = model.x if layer.tap_in is None else outputs[layer.tap_in]
            moved.append(np.abs(layer.activation_codes(a, act).astype(np.int64) -
                                layer.activation_codes(tapped, act)))
        return layer.forward(a, scheme)

    independent = model.forward(model.x, linear)
    error = relative_l2(outputs["out"], independent)
    if kernel is None:
        kernel = runs_on_kernel(scheme)
    if model.e2e_exact and not kernel:
        if not exact(independent, outputs["out"]):
            return [f"output without taps: not bit-exact (rel L2 {error:.3g})"], ""
        return [], ""
    flips = int(sum(int(np.count_nonzero(m)) for m in moved))
    if flips == 0:
        if error > E2E_RTOL:
            return [f"output without taps: rel L2 {error:.3g} > {E2E_RTOL:g}"], ""
        return [], ""
    # Inputs that differ by float ulps (libm against numpy) landed on both
    # sides of a rounding boundary: such a code may move by one, no more.
    if max(int(m.max()) for m in moved) > 1:
        return ["output without taps: an activation code differs by more than 1"], ""
    return [], (f"; without taps {flips} activation code(s) differ by 1 "
                f"(rel L2 {error:.1e})")


PACK = re.compile(r"^(\s*)(%\S+) = sqz\.pack (%\S+)(?: scales\((%\S+) : (tensor<[^>]*>)\))?"
                  r"(?: zero_points\((%\S+) : (tensor<[^>]*>)\))?.* : (tensor<[^>]*>) -> "
                  r"(!sqz\.tensor<.*>)$", re.MULTILINE)
FUNC = re.compile(r"^(\s*func\.func @\w+\(.*\)) -> (.*) \{$", re.MULTILINE)
RETURN = re.compile(r"^(\s*)return (.*) : (.*)$", re.MULTILINE)


def with_weight_results(text: str):
    """The quantized module with, after its results, the codes (widened to
    i32), scales, zero points and dequantized weight of every sqz.pack, in
    the order of the packs. Returns (text, [has zero points] per pack)."""
    packs = list(PACK.finditer(text))
    added_values, added_types, added_lines, layout = [], [], [], []
    for i, p in enumerate(packs):
        _, value, _, _, scale_t, _, zp_t, codes_t, sqz_t = p.groups()
        shape = re.match(r"tensor<((?:\d+x)+)i(\d+)>", codes_t)
        dims, width = shape.group(1)[:-1], int(shape.group(2))
        signed = re.search(r"#sqz\.quant<([iu])\d+", sqz_t).group(1) == "i"
        rank = dims.count("x") + 1
        loops = ", ".join(f"d{d}" for d in range(rank))
        id_map = f"affine_map<({loops}) -> ({loops})>"
        parallel = ", ".join(['"parallel"'] * rank)
        parts = [codes_t, scale_t] + ([zp_t] if zp_t else [])
        i32_t, f32_t = f"tensor<{dims}xi32>", f"tensor<{dims}xf32>"
        ext = "arith.extsi" if signed else "arith.extui"
        added_lines += [
            f"    %wu{i}:{len(parts)} = sqz.unpack {value} : {sqz_t} -> {', '.join(parts)}",
            f"    %wi{i}_e = tensor.empty() : {i32_t}",
            f"    %wi{i} = linalg.generic {{indexing_maps = [{id_map}, {id_map}], "
            f"iterator_types = [{parallel}]}} "
            f"ins(%wu{i}#0 : {codes_t}) outs(%wi{i}_e : {i32_t}) {{",
            f"    ^bb0(%c: i{width}, %o: i32):",
            f"      %w = {ext} %c : i{width} to i32",
            "      linalg.yield %w : i32",
            f"    }} -> {i32_t}",
            f"    %wd{i} = sqz.dequantize {value} : {sqz_t} -> {f32_t}",
        ]
        added_values += [f"%wi{i}", f"%wu{i}#1"] + ([f"%wu{i}#2"] if zp_t else []) + [f"%wd{i}"]
        added_types += [i32_t, scale_t] + ([zp_t] if zp_t else []) + [f32_t]
        layout.append(bool(zp_t))
    func = FUNC.search(text)
    old_results = func.group(2).strip("()")
    text = (text[:func.start()] + f"{func.group(1)} -> ({old_results}, {', '.join(added_types)}) {{"
            + text[func.end():])
    ret = RETURN.search(text)
    text = (text[:ret.start()] + "\n".join(added_lines) + "\n" + ret.group(1) +
            f"return {ret.group(2)}, {', '.join(added_values)} : {ret.group(3)}, "
            f"{', '.join(added_types)}" + text[ret.end():])
    return text, layout


def check_weight_parts(model, scheme, results: list, layout: list) -> list[str]:
    """The weight parts returned after the model's results (see
    with_weight_results) against sqz_ref, bit for bit."""
    if len(layout) != len(model.layers):
        return [f"expected {len(model.layers)} sqz.pack, found {len(layout)}"]
    problems = []
    index = 0
    for layer, has_zp in zip(model.layers, layout):
        codes, scales, zps, dequantized = layer.quantized_weight(scheme[1])
        got_codes, got_scales = results[index], results[index + 1]
        got_zps = results[index + 2] if has_zp else None
        got_dq = results[index + (3 if has_zp else 2)]
        index += 4 if has_zp else 3
        ok = (exact(got_codes, codes.astype(np.int32)) and
              got_scales.size == scales.size and
              exact(got_scales, scales.astype(F32).reshape(got_scales.shape)) and
              (zps is None) == (got_zps is None) and
              (zps is None or (got_zps.size == zps.size and
                               exact(got_zps, zps.astype(np.int32).reshape(got_zps.shape)))) and
              exact(got_dq, dequantized))
        if not ok:
            problems.append(f"{layer.name}: weight codes/scales/zero points/dequantized "
                            "weight differ from sqz_ref")
    return problems


def run_model(args, model, work: str):
    """Runs and checks every scheme; returns (failures, table rows)."""
    start = time.time()
    names = ["out"] + model.taps
    source = os.path.join(work, f"{model.name}.mlir")
    with open(source, "w") as f:
        f.write(model.text())
    x_path = os.path.join(work, "x.npy")
    np.save(x_path, model.x)

    failures = 0
    # fp32: the model as written, against numpy.
    fp32 = dict(zip(names, execute(args, source, model.entry, x_path,
                                   os.path.join(work, "fp32"), len(names))))
    problems = check_layers(model, None, fp32)
    failures += bool(problems)
    print(f"{'ok  ' if not problems else 'FAIL'} {model.name} fp32: "
          f"{FP32_VERDICT if not problems else '; '.join(problems)}")
    rows = [("fp32", "-", "-", "float", 0.0, 0.0, "ok" if not problems else "FAIL",
             fp32["out"])]

    errors = {}
    for index, scheme in enumerate(SCHEMES):
        label, w, act = scheme
        options = [weight_option(w)] + ([activation_option(act)] if act else [])
        quantized = os.path.join(work, f"scheme{index}.mlir")
        run([args.opt, source, *options, "-o", quantized])
        with open(quantized) as f:
            text = f.read()
        problems = []
        if text.count("sqz.matmul") != len(model.layers):
            problems.append(f"{text.count('sqz.matmul')} sqz.matmul for "
                            f"{len(model.layers)} linear layers")
        layout = None
        if label in CODE_SCHEMES:
            # The same model, also returning its weights' parts.
            text, layout = with_weight_results(text)
            quantized = os.path.join(work, f"scheme{index}-parts.mlir")
            with open(quantized, "w") as f:
                f.write(text)
        count = len(names) + (sum(4 if zp else 3 for zp in layout) if layout else 0)
        results = execute(args, quantized, model.entry, x_path,
                          os.path.join(work, f"scheme{index}"), count)
        outputs = dict(zip(names, results))
        problems += check_layers(model, scheme, outputs)
        more, note = check_without_taps(model, scheme, outputs)
        problems += more
        if layout is not None:
            problems += check_weight_parts(model, scheme, results[len(names):], layout)
            note = ", weight codes/scales/zero points bit-exact" + note

        integer = act is not None and w["granularity"] != "group"
        error = relative_l2(outputs["out"], fp32["out"])
        errors[label] = error
        rows.append((label, weight_option(w).split("=", 1)[1],
                     activation_option(act).split("=", 1)[1] if act else "-",
                     "integer" if integer else "dequantize", error,
                     max_abs(outputs["out"], fp32["out"]), "ok" if not problems else "FAIL"))
        failures += bool(problems)
        verdict = KERNEL_VERDICT if runs_on_kernel(scheme) else model.verdict
        what = verdict + note if not problems else "; ".join(problems)
        print(f"{'ok  ' if not problems else 'FAIL'} {model.name} {label}: {what}; vs fp32 "
              f"rel L2 {error:.3e}, max abs {rows[-1][5]:.3e}")

    violated = 0
    for better, worse in ORDERINGS:
        holds = errors[better] < errors[worse]
        violated += not holds
        print(f"{'ok  ' if holds else 'FAIL'} {model.name} ordering: {better} "
              f"({errors[better]:.3e}) < {worse} ({errors[worse]:.3e})")

    print(f"\n{model.name}: output error vs the fp32 model (seed {args.seed})")
    width = max(len(r[0]) for r in rows)
    for r in rows:
        print(f"  {r[0]:{width}s}  {r[3]:10s}  rel L2 {r[4]:.3e}  max abs {r[5]:.3e}")
    print(f"{model.name}: {len(SCHEMES)} schemes, {failures} mismatching the reference, "
          f"{violated} orderings violated ({time.time() - start:.1f} s)\n")
    return failures + violated, rows


def markdown(models: list, tables: list, command: str, seed: int) -> str:
    header = ["scheme", "weights (`--sqz-quantize-weights=`)",
              "activations (`--sqz-quantize-activations=`)", "matmul",
              "rel L2 vs fp32", "max abs vs fp32", "vs numpy reference"]
    text = [f"Generated by `{command}`.", "",
            "Output error of each quantization scheme against the fp32 model, both run by "
            f"`sqz-run` on the same seeded input (seed {seed}); relative L2 is "
            "||y - y_fp32|| / ||y_fp32||. Weights are quantized round-to-nearest by "
            "`--sqz-quantize-weights`, activations dynamically by "
            "`--sqz-quantize-activations`. `integer`: i32 accumulation of the codes, then "
            "f32(acc) * (sa * sw); `dequantize`: the codes dequantized to f32 and a float "
            "contraction. The last column is what the driver checked against the numpy "
            "reference (`python/sqz_ref.py`) before writing the row; see the driver's "
            "docstring for what each check means.", ""]
    for model, rows in zip(models, tables):
        y = rows[0][7]
        text += [f"## {model.title}", "", model.weights_note + " fp32 output: rms "
                 f"{float(np.sqrt(np.mean(y.astype(np.float64) ** 2))):.3g}, max |y| "
                 f"{float(np.max(np.abs(y))):.3g}.", "",
                 "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for r in rows:
            weights = f"`{r[1]}`" if r[1] != "-" else "-"
            acts = f"`{r[2]}`" if r[2] != "-" else "-"
            check = model.verdict if r[6] == "ok" else r[6]
            text.append(f"| {r[0]} | {weights} | {acts} | {r[3]} | {r[4]:.2e} | {r[5]:.2e} "
                        f"| {check} |")
        text.append("")
    return "\n".join(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--opt", required=True, help="sqz-opt")
    parser.add_argument("--run", required=True, help="sqz-run")
    parser.add_argument("--model", required=True, choices=sorted(MODELS) + ["all"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--opt-level", type=int, default=3,
                        help="sqz-run's --opt-level (its default: 3)")
    parser.add_argument("--table", help="write the error tables as Markdown here")
    parser.add_argument("--workdir", help="keep the models and outputs here")
    args = parser.parse_args()

    names = sorted(MODELS, reverse=True) if args.model == "all" else [args.model]
    models, tables, problems = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            model = MODELS[name](args.seed)
            work = os.path.join(args.workdir or tmp, name)
            os.makedirs(work, exist_ok=True)
            bad, rows = run_model(args, model, work)
            problems += bad
            models.append(model)
            tables.append(rows)
    if args.table:
        command = " ".join([sys.executable, "python/run_quantized_models.py"] + sys.argv[1:])
        with open(args.table, "w") as f:
            f.write(markdown(models, tables, command, args.seed))
    print(f"{'PASS' if not problems else 'FAIL'}: {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
