#!/usr/bin/python3
"""Checks that sqz-smoothquant leaves a float model's outputs unchanged up to
rounding, and that its factors are python/sqz_smooth_ref.py's.

Two models with seeded weights:

* `block`: python/run_quantized_models.py's transformer block, returning
  only its output (so the LayerNorms feed nothing but Q/K/V and FFN-up and
  1/s folds into their gains and shifts); O and FFN-down get an explicit
  multiply;
* `mlp`: x * gamma + beta (a per-channel affine), then linear0 + b0,
  linear1 + b1 directly on it (1/s folds into linear0's output channels and
  bias), ReLU, linear2 ([N, K] through transposing indexing_maps; explicit
  multiply); input channels 3 and 17 carry outliers (x20).

For each: calibration inputs from a seeded generator, run through the model
in numpy, give the statistics file (docs/statistics.md); sqz-opt
--sqz-smoothquant (alpha=0.5, then search-alpha=true) rewrites the model;
sqz-run runs both on a seeded test input; the outputs must agree within a
relative L2 error of 1e-5 and the printed sqz.smoothing factors must equal
sqz_smooth_ref.factors (float32, within 1e-6 relative: libm's pow against
numpy's). Prints one line per case; exits 1 on any problem.

Usage: check_smoothquant.py --opt PATH/TO/sqz-opt --run PATH/TO/sqz-run
"""

import argparse
import json
import os
import re
import struct
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_quantized_models as rqm  # noqa: E402
import sqz_smooth_ref as ref  # noqa: E402

F32 = np.float32
RTOL = 1e-5

SMOOTHING = re.compile(r'sqz\.layer = "([^"]+)", sqz\.smoothing = dense<(?:"0x([0-9A-F]+)"|'
                       r'\[([^\]]*)\]|([-+0-9.eE]+))> : tensor<(\d+)xf32>')


def blob(w):
    return np.ascontiguousarray(w).astype("<f4").tobytes().hex().upper()


def parse_factors(text: str) -> dict:
    found = {}
    for name, hexdata, listed, splat, size in SMOOTHING.findall(text):
        size = int(size)
        if hexdata:
            values = np.frombuffer(bytes.fromhex(hexdata), dtype="<f4")
        elif listed:
            values = np.array([float(v) for v in listed.split(",")], dtype=F32)
        else:
            values = np.full(size, float(splat), dtype=F32)
        found[name] = values
    return found


class SmallMlp:
    name, entry = "mlp", "mlp"
    WHERE = {"folded into the per-channel affine": 1, "folded into the preceding linear": 1,
             "applied as an explicit multiply": 1}
    M, D0, D1, D2, D3 = 8, 64, 128, 64, 32

    def __init__(self, seed):
        rng = np.random.default_rng(seed)
        self.gamma = (1 + 0.1 * rng.standard_normal(self.D0)).astype(F32)
        self.beta = (0.1 * rng.standard_normal(self.D0)).astype(F32)
        self.w0 = (rng.standard_normal((self.D0, self.D1)) / 8).astype(F32)
        self.b0 = (0.1 * rng.standard_normal(self.D1)).astype(F32)
        self.w1 = (rng.standard_normal((self.D1, self.D2)) / 11).astype(F32)
        self.b1 = (0.1 * rng.standard_normal(self.D2)).astype(F32)
        self.w2 = (rng.standard_normal((self.D3, self.D2)) / 8).astype(F32)   # [N, K]
        self.x = self.inputs(np.random.default_rng(seed + 1000), self.M)

    def inputs(self, rng, rows):
        x = rng.standard_normal((rows, self.D0)).astype(F32)
        x[:, [3, 17]] *= F32(20)
        return x

    def layer_inputs(self, x):
        """name -> the input of each layer (numpy, float32)."""
        h = x * self.gamma + self.beta
        y0 = h @ self.w0 + self.b0
        y1 = np.maximum(y0 @ self.w1 + self.b1, F32(0))
        return {"mlp.linear0": h, "mlp.linear1": y0, "mlp.linear2": y1}

    def groups(self):
        """name -> the [K, N] weights of the layer's group."""
        return {"mlp.linear0": [self.w0], "mlp.linear1": [self.w1], "mlp.linear2": [self.w2.T]}

    def text(self):
        M, D0, D1, D2, D3 = self.M, self.D0, self.D1, self.D2, self.D3
        t = lambda *shape: "tensor<" + "x".join(map(str, shape)) + "xf32>"  # noqa: E731

        def const(name, value):
            return f'  %{name} = arith.constant dense<"0x{blob(value)}"> : {t(*value.shape)}'

        def bias(name, y, b, n):
            return f"""  %{name}_e = tensor.empty() : {t(M, n)}
  %{name} = linalg.generic {{indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]}}
      ins({y}, {b} : {t(M, n)}, {t(n)}) outs(%{name}_e : {t(M, n)}) {{
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  }} -> {t(M, n)}"""

        def fill(name, n):
            return (f"  %{name}_e = tensor.empty() : {t(M, n)}\n"
                    f"  %{name} = linalg.fill ins(%zero : f32) outs(%{name}_e : {t(M, n)}) "
                    f"-> {t(M, n)}")
        return "\n".join([
            "#id = affine_map<(i, j) -> (i, j)>",
            "#col = affine_map<(i, j) -> (j)>",
            f"func.func @mlp(%x: {t(M, D0)}) -> {t(M, D3)} {{",
            const("gamma", self.gamma), const("beta", self.beta),
            const("w0", self.w0), const("b0", self.b0), const("w1", self.w1),
            const("b1", self.b1), const("w2", self.w2),
            "  %zero = arith.constant 0.0 : f32",
            f"  %he = tensor.empty() : {t(M, D0)}",
            "  %h = linalg.generic {indexing_maps = [#id, #col, #col, #id], "
            'iterator_types = ["parallel", "parallel"]}',
            f"      ins(%x, %gamma, %beta : {t(M, D0)}, {t(D0)}, {t(D0)}) outs(%he : {t(M, D0)}) {{",
            "  ^bb0(%a: f32, %g: f32, %b: f32, %o: f32):",
            "    %m = arith.mulf %a, %g : f32",
            "    %y = arith.addf %m, %b : f32",
            "    linalg.yield %y : f32",
            f"  }} -> {t(M, D0)}",
            fill("a0", D1),
            f"  %m0 = linalg.matmul ins(%h, %w0 : {t(M, D0)}, {t(D0, D1)}) outs(%a0 : {t(M, D1)}) "
            f"-> {t(M, D1)}",
            bias("y0", "%m0", "%b0", D1),
            fill("a1", D2),
            f"  %m1 = linalg.matmul ins(%y0, %w1 : {t(M, D1)}, {t(D1, D2)}) outs(%a1 : {t(M, D2)}) "
            f"-> {t(M, D2)}",
            bias("y1", "%m1", "%b1", D2),
            f"  %re = tensor.empty() : {t(M, D2)}",
            "  %r = linalg.generic {indexing_maps = [#id, #id], "
            'iterator_types = ["parallel", "parallel"]}',
            f"      ins(%y1 : {t(M, D2)}) outs(%re : {t(M, D2)}) {{",
            "  ^bb0(%a: f32, %o: f32):",
            "    %p = arith.maximumf %a, %zero : f32",
            "    linalg.yield %p : f32",
            f"  }} -> {t(M, D2)}",
            fill("a2", D3),
            "  %m2 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, "
            "affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]",
            f"      ins(%r, %w2 : {t(M, D2)}, {t(D3, D2)}) outs(%a2 : {t(M, D3)}) -> {t(M, D3)}",
            f"  return %m2 : {t(M, D3)}",
            "}", ""])


class BlockOnlyOutput:
    """run_quantized_models.py's block, returning only its output."""
    name, entry = "block", "block"
    # Q, K, V and FFN-up fold into the LayerNorms; O and FFN-down read the
    # attention context and the GELU.
    WHERE = {"folded into the per-channel affine": 4, "folded into the preceding linear": 0,
             "applied as an explicit multiply": 2}
    # Linear layers in program order, as findNamedLinearLayers names them
    # (the score and context batch_matmuls are not among them).
    NAMES = {"q_proj": "block.linear0", "k_proj": "block.linear1",
             "v_proj": "block.linear2", "o_proj": "block.linear3",
             "fc1": "block.linear4", "fc2": "block.linear5"}

    def __init__(self, seed):
        self.model = rqm.Block(seed)
        self.x = self.model.x

    def text(self):
        text = self.model.text()
        out = f"tensor<{self.model.S}x{self.model.D}xf32>"
        text = rqm.FUNC.sub(lambda m: f"{m.group(1)} -> {out} {{", text)
        return rqm.RETURN.sub(lambda m: f"{m.group(1)}return {m.group(2).split(',')[0]} : {out}",
                              text)

    def inputs(self, rng, rows):
        return rng.standard_normal((self.model.S, self.model.D)).astype(F32)

    def layer_inputs(self, x):
        seen = {}

        def linear(layer, a):
            seen[self.NAMES[layer.name]] = a
            return rqm.seq_matmul(a, layer.kn(layer.weight))
        self.model.forward(x, linear)
        return seen

    def groups(self):
        layers = {layer.name: layer.kn(layer.weight) for layer in self.model.layers}
        qkv = [layers["q_proj"], layers["k_proj"], layers["v_proj"]]
        return {"block.linear0": qkv, "block.linear1": qkv, "block.linear2": qkv,
                "block.linear3": [layers["o_proj"]], "block.linear4": [layers["fc1"]],
                "block.linear5": [layers["fc2"]]}


def statistics(model, seed):
    """Statistics of four seeded calibration batches, and the sumsq/count
    second moments of every layer."""
    rng = np.random.default_rng(seed + 2000)
    collected = {}
    for _ in range(4):
        x = model.inputs(rng, model.x.shape[0])
        for name, a in model.layer_inputs(x).items():
            collected.setdefault(name, []).append(a)
    layers = {name: ref.layer_stats(np.concatenate(parts)) for name, parts in collected.items()}
    return {"format": "sqz-stats", "version": 1, "layers": layers}


def run(command, stderr=False):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"check_smoothquant: failed: {' '.join(command)}")
    return (result.stdout, result.stderr) if stderr else result.stdout


def check(args, model, work, search):
    problems = []
    stats = statistics(model, args.seed)
    stats_path = os.path.join(work, f"{model.name}-stats.json")
    with open(stats_path, "w") as f:
        json.dump(stats, f)
    original = os.path.join(work, f"{model.name}.mlir")
    with open(original, "w") as f:
        f.write(model.text())
    options = f"stats={stats_path} search-alpha={'true' if search else 'false'} explain=true"
    smoothed_text, remarks = run([args.opt, original, f"--sqz-smoothquant={options}"], True)
    where = {kind: remarks.count(kind) for kind in model.WHERE}
    if where != model.WHERE:
        problems.append(f"1/s went to {where}, expected {model.WHERE}")
    smoothed = os.path.join(work, f"{model.name}-smoothed.mlir")
    with open(smoothed, "w") as f:
        f.write(smoothed_text)

    # The factors against the reference (alpha = 0.5, or the searched one).
    factors = parse_factors(smoothed_text)
    groups = model.groups()
    expected = sorted(groups)
    if search:
        # The search leaves a group alone when no smoothing is estimated best.
        expected = [name for name in expected if ref.search_alpha(
            stats["layers"][name]["absmax"], groups[name], stats["layers"][name]["sumsq"],
            stats["layers"][name]["count"]) is not None]
    if sorted(factors) != expected:
        problems.append(f"smoothed layers {sorted(factors)}, expected {expected}")
    for name, got in factors.items():
        entry = stats["layers"][name]
        alpha = 0.5
        if search:
            alpha = ref.search_alpha(entry["absmax"], groups[name], entry["sumsq"], entry["count"])
        want = ref.factors(entry["absmax"], groups[name], alpha).astype(F32)
        if not np.allclose(got, want, rtol=1e-6, atol=0):
            problems.append(f"{name}: factors differ from sqz_smooth_ref (alpha {alpha}, "
                            f"max rel {np.max(np.abs(got / want - 1)):.3g})")

    x_path = os.path.join(work, f"{model.name}-x.npy")
    np.save(x_path, model.x)
    outs = []
    for path, tag in ((original, "orig"), (smoothed, "smooth")):
        out_dir = os.path.join(work, f"{model.name}-{tag}")
        run([args.run, path, "--entry", model.entry, "--input", x_path, "--output-dir", out_dir])
        outs.append(np.load(os.path.join(out_dir, "out0.npy")).astype(np.float64))
    error = float(np.linalg.norm(outs[1] - outs[0]) / np.linalg.norm(outs[0]))
    if not error < RTOL:
        problems.append(f"output rel L2 {error:.3g} >= {RTOL:g}")
    label = f"{model.name} {'search-alpha' if search else 'alpha=0.5'}"
    placed = ", ".join(f"{count} {kind}" for kind, count in where.items())
    print(f"{label}: {len(factors)} layers smoothed (1/s: {placed}), "
          f"output rel L2 {error:.2e}: {'ok' if not problems else 'MISMATCH'}")
    for problem in problems:
        print(f"  {problem}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--opt", required=True)
    parser.add_argument("--run", required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    problems = []
    with tempfile.TemporaryDirectory() as work:
        for model in (SmallMlp(args.seed), BlockOnlyOutput(args.seed)):
            for search in (False, True):
                problems += check(args, model, work, search)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
