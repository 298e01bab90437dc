"""Checks sqz-fold-scales' absorption of SmoothQuant's explicit multiply.

A layer whose input is a function argument gets 1/s as an explicit
per-channel multiply from sqz-smoothquant; after static W8A8 quantization,
sqz-fold-scales quantizes x per channel with scales a / c_k instead of
quantizing x * c_k with scale a. Runs the pipeline with and without
sqz-fold-scales on seeded inputs and compares the outputs with sqz-run,
after predicting with numpy (the f32 arithmetic of both lowerings) which
activation codes the two roundings give differently: where none differ, the
outputs must be bit-identical. Also prints the rate of differing codes over
10^6 seeded values for the same c and a.
"""

import argparse
import json
import os
import re
import subprocess
import sys

import numpy as np

M, K, N = 32, 64, 16


def dense(a):
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in r) + "]"
                           for r in a) + "]"


def model(w):
    return f"""func.func @layer(%x: tensor<{M}x{K}xf32>) -> tensor<{M}x{N}xf32> {{
  %w = arith.constant dense<{dense(w)}> : tensor<{K}x{N}xf32>
  %c0 = arith.constant 0.0 : f32
  %z = tensor.empty() : tensor<{M}x{N}xf32>
  %f = linalg.fill ins(%c0 : f32) outs(%z : tensor<{M}x{N}xf32>) -> tensor<{M}x{N}xf32>
  %y = linalg.matmul ins(%x, %w : tensor<{M}x{K}xf32>, tensor<{K}x{N}xf32>) outs(%f : tensor<{M}x{N}xf32>) -> tensor<{M}x{N}xf32>
  return %y : tensor<{M}x{N}xf32>
}}
"""


def constants(text, pattern):
    match = re.search(pattern, text)
    return np.array([float(v) for v in match.group(1).split(",")], np.float32)


def codes_unfused(x, c, a):
    return np.round(((x * c).astype(np.float32) / a).astype(np.float32))


def codes_fused(x, c, a):
    return np.round((x / (a / c).astype(np.float32)).astype(np.float32))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opt", default="sqz-opt")
    parser.add_argument("--run", default="sqz-run")
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rng = np.random.default_rng(11)
    w = rng.standard_normal((K, N)).astype(np.float32)
    absmax = np.abs(rng.standard_normal(K)) + 0.5
    absmax[[3, 40]] = [60.0, 90.0]  # outlier channels
    stats = {"format": "sqz-stats", "version": 1, "layers": {"layer.linear0": {
        "channels": K, "count": 100, "absmax": absmax.tolist(),
        "min": (-absmax).tolist(), "max": absmax.tolist()}}}
    paths = {name: os.path.join(args.work, name) for name in
             ("model.mlir", "stats.json", "unfused.mlir", "fused.mlir")}
    with open(paths["model.mlir"], "w") as f:
        f.write(model(w))
    with open(paths["stats.json"], "w") as f:
        json.dump(stats, f)
    pipeline = [f"--sqz-smoothquant=stats={paths['stats.json']}",
                "--sqz-quantize-weights",
                f"--sqz-quantize-activations=mode=static stats={paths['stats.json']}"]
    for name, extra in (("unfused.mlir", []), ("fused.mlir", ["--sqz-fold-scales"])):
        subprocess.run([args.opt, paths["model.mlir"], *pipeline, *extra,
                        "--mlir-print-elementsattrs-with-hex-if-larger=-1",
                        "-o", paths[name]], check=True)
    unfused = open(paths["unfused.mlir"]).read()
    fused = open(paths["fused.mlir"]).read()
    c = constants(unfused, rf"dense<\[([^\]]*)\]> : tensor<{K}xf32>")
    a = np.float32(re.search(r"dense<([-0-9.e+]+)> : tensor<f32>", unfused).group(1))
    absorbed = "sqz.quantize %arg0" in fused and "per_channel(1)" in fused \
        and "arith.mulf %in, %in" not in fused
    print(f"{'ok' if absorbed else 'FAIL'} multiply absorbed into a per-channel quantize of the argument")

    outputs = {}
    for name in ("unfused", "fused"):
        out = os.path.join(args.work, name)
        subprocess.run([args.run, paths[name + ".mlir"], "--entry", "layer",
                        "--random-inputs", "--seed", "5", "--save-inputs",
                        "--output-dir", out], check=True, capture_output=True)
        outputs[name] = np.load(os.path.join(out, "out0.npy"))
    x = np.load(os.path.join(args.work, "fused", "in0.npy"))
    differing = int(np.sum(codes_unfused(x, c, a) != codes_fused(x, c, a)))
    same = np.array_equal(outputs["fused"].view(np.uint32),
                          outputs["unfused"].view(np.uint32))
    ok = absorbed and (same if differing == 0 else not same)
    print(f"{'ok' if ok else 'FAIL'} {differing} of {x.size} codes predicted to differ; "
          f"outputs {'bit-identical' if same else 'differ'}")

    big = rng.uniform(-1, 1, (1000000 // K, K)).astype(np.float32) * absmax.astype(np.float32)
    rate = np.mean(codes_unfused(big, c, a) != codes_fused(big, c, a))
    print(f"differing codes over {big.size} values: {rate:.2e}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
