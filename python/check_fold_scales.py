#!/usr/bin/python3
"""Checks that sqz-fold-scales changes no bit of a model's output.

For every mix of weight scheme (symmetric / asymmetric, per channel / per
tensor, [K, N] and [N, K]) and activation scheme (dynamic per tensor / per
token, symmetric / asymmetric, and static with constant parameters), on a
batched linear layer with bias, it runs the model through sqz-run twice:
lowered as it is (the reference lowering subtracts the zero points inside
the K loop) and after --sqz-fold-scales (raw codes in the K loop, zero points
as correction terms, constants precomputed), and requires identical outputs.

Usage: check_fold_scales.py --opt PATH/TO/sqz-opt --run PATH/TO/sqz-run
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

B, M, K, N = 2, 5, 64, 24

WEIGHT_SCHEMES = [
    "symmetric=true",
    "symmetric=false",
    "granularity=tensor symmetric=false",
    "bits=4 symmetric=true",
]
ACTIVATION_SCHEMES = [
    "granularity=tensor",
    "granularity=token",
    "granularity=tensor symmetric=false",
    "granularity=token symmetric=false",
    "static",
]


def dense(array: np.ndarray) -> str:
    return '"0x' + array.astype("<f4").tobytes().hex().upper() + '"'


def model(transposed: bool, rng: np.random.Generator) -> str:
    w = rng.standard_normal((N, K) if transposed else (K, N)).astype(np.float32)
    bias = rng.standard_normal(N).astype(np.float32)
    wshape = f"{N}x{K}" if transposed else f"{K}x{N}"
    body = f"""
  %w = arith.constant dense<{dense(w)}> : tensor<{wshape}xf32>
  %bias = arith.constant dense<{dense(bias)}> : tensor<{N}xf32>
  %flat = tensor.collapse_shape %x [[0, 1], [2]] : tensor<{B}x{M}x{K}xf32> into tensor<{B * M}x{K}xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<{B * M}x{N}xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<{B * M}x{N}xf32>) -> tensor<{B * M}x{N}xf32>
  %y = linalg.matmul {"indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]" if transposed else ""}
      ins(%flat, %w : tensor<{B * M}x{K}xf32>, tensor<{wshape}xf32>) outs(%acc : tensor<{B * M}x{N}xf32>) -> tensor<{B * M}x{N}xf32>
  %yb = linalg.generic {{indexing_maps = [affine_map<(m, n) -> (m, n)>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (m, n)>],
                        iterator_types = ["parallel", "parallel"]}}
      ins(%y, %bias : tensor<{B * M}x{N}xf32>, tensor<{N}xf32>) outs(%e : tensor<{B * M}x{N}xf32>) {{
  ^bb0(%a: f32, %c: f32, %o: f32):
    %s = arith.addf %a, %c : f32
    linalg.yield %s : f32
  }} -> tensor<{B * M}x{N}xf32>
  %out = tensor.expand_shape %yb [[0, 1], [2]] output_shape [{B}, {M}, {N}] : tensor<{B * M}x{N}xf32> into tensor<{B}x{M}x{N}xf32>
  return %out : tensor<{B}x{M}x{N}xf32>
"""
    return (f"func.func @layer(%x: tensor<{B}x{M}x{K}xf32>) -> tensor<{B}x{M}x{N}xf32> {{"
            + body + "}\n")


QUANTIZE = re.compile(r"^(\s*)(%\S+) = sqz\.quantize (%\S+) : ", re.MULTILINE)


def static_activations(text: str) -> str:
    """Gives the activation's sqz.quantize constant parameters, as
    calibration would: scale 1/40 and zero point 128 (u8, per tensor)."""
    def replace(match: re.Match) -> str:
        indent, result, operand = match.groups()
        return (f"{indent}%sa = arith.constant dense<2.500000e-02> : tensor<f32>\n"
                f"{indent}%za = arith.constant dense<128> : tensor<i32>\n"
                f"{indent}{result} = sqz.quantize {operand} scales(%sa : tensor<f32>) "
                f"zero_points(%za : tensor<i32>) : ")
    changed, count = QUANTIZE.subn(replace, text)
    assert count == 1, "expected one activation quantize"
    return changed


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opt", required=True)
    parser.add_argument("--run", required=True)
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        x = rng.standard_normal((B, M, K)).astype(np.float32) * 2.0
        np.save(os.path.join(work, "x.npy"), x)
        for transposed in (False, True):
            source = os.path.join(work, "layer.mlir")
            with open(source, "w") as out:
                out.write(model(transposed, rng))
            for wq in WEIGHT_SCHEMES:
                for aq in ACTIVATION_SCHEMES:
                    quantized = os.path.join(work, "q.mlir")
                    activation = ("granularity=tensor symmetric=false"
                                  if aq == "static" else aq)
                    run([args.opt, source, f"--sqz-quantize-weights={wq}",
                         f"--sqz-quantize-activations={activation}", "-o", quantized])
                    if aq == "static":
                        with open(quantized) as f:
                            text = static_activations(f.read())
                        with open(quantized, "w") as f:
                            f.write(text)
                    folded = os.path.join(work, "f.mlir")
                    run([args.opt, quantized, "--sqz-fold-scales", "-o", folded])
                    folded_text = open(folded).read()
                    outputs = []
                    for name, path in (("ref", quantized), ("fold", folded)):
                        directory = os.path.join(work, name)
                        run([args.run, path, "--entry", "layer", "--input",
                             os.path.join(work, "x.npy"), "--output-dir", directory])
                        outputs.append(np.load(os.path.join(directory, "out0.npy")))
                    folded_away = "sqz.matmul" not in folded_text
                    exact = np.array_equal(outputs[0].view(np.uint32), outputs[1].view(np.uint32))
                    layout = "[N, K]" if transposed else "[K, N]"
                    status = "ok  " if exact else "FAIL"
                    print(f"{status} weights({wq}) activations({aq}) {layout} "
                          f"{'folded' if folded_away else 'left alone'}")
                    failures += 0 if exact else 1
    print(f"{failures} differing outputs")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
