#!/usr/bin/python3
"""Checks sqz-prune (and sqz-prune + sqz-quantize-weights) bit for bit.

Writes a two-layer model with seeded random weights, a [K, N] = 256x512
weight and a [N, K] = 256x512 (PyTorch layout) one, with values on a coarse
grid so that equal scores (ties) are common, and a statistics file with the
input-channel norms of both layers. For every method x pattern x scope it
runs `sqz-opt --sqz-prune`, reads the kept values, the N:M positions or the
unstructured mask back from the printed constants (hex) and compares them
with python/sqz_prune_ref.py exactly. For pruned-then-quantized weights it
also compares the codes, scales and zero points with python/sqz_ref.py
applied to the dense pruned weight. Prints one line per case; exits 1 on any
mismatch.

Usage: check_prune.py --opt PATH/TO/sqz-opt [--seed N]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sqz_prune_ref as ref  # noqa: E402
import sqz_ref  # noqa: E402

M, D0, D1, D2 = 4, 256, 512, 256   # x[M, D0] -> [M, D1] -> [M, D2]
NAMES = ("model.linear0", "model.linear1")

CONSTANT = re.compile(
    r'(%\w+) = arith\.constant dense<"0x([0-9A-F]+)"> : tensor<((?:[0-9]+x)*)(i\d+|f32)>')
PACK = re.compile(r'(%\w+) = sqz\.pack (%\w+)(?: scales\((%\w+) : [^)]*\))?'
                  r'(?: zero_points\((%\w+) : [^)]*\))? metadata\((%\w+) : [^)]*\)')
SCALAR = re.compile(r'(%\w+) = arith\.constant dense<([-+0-9.eE]+)> : tensor<(f32|i32)>')
MATMUL = re.compile(r'sqz\.matmul %\w+, (%\w+)[^{]*\{[^}]*sqz\.layer = "([^"]+)"')


def make_weights(rng: np.random.Generator):
    """w0 stored [K, N] = [D0, D1]; w1 stored [N, K] = [D2, D1]."""
    def grid(shape):  # multiples of 1/8: many equal magnitudes
        return (np.round(rng.standard_normal(shape) * 8) / 8).astype(np.float32)
    return grid((D0, D1)), grid((D2, D1))


def make_norms(rng: np.random.Generator):
    n0 = np.round(rng.uniform(0.25, 4.0, D0) * 4) / 4    # ties here too
    n1 = rng.uniform(0.1, 10.0, D1)
    return n0, n1


def model(w0: np.ndarray, w1: np.ndarray) -> str:
    def blob(w):
        return np.ascontiguousarray(w).astype("<f4").tobytes().hex().upper()
    return f"""
func.func @model(%x: tensor<{M}x{D0}xf32>) -> tensor<{M}x{D2}xf32> {{
  %w0 = arith.constant dense<"0x{blob(w0)}"> : tensor<{D0}x{D1}xf32>
  %w1 = arith.constant dense<"0x{blob(w1)}"> : tensor<{D2}x{D1}xf32>
  %zero = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<{M}x{D1}xf32>
  %a0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<{M}x{D1}xf32>) -> tensor<{M}x{D1}xf32>
  %y0 = linalg.matmul ins(%x, %w0 : tensor<{M}x{D0}xf32>, tensor<{D0}x{D1}xf32>)
                      outs(%a0 : tensor<{M}x{D1}xf32>) -> tensor<{M}x{D1}xf32>
  %e1 = tensor.empty() : tensor<{M}x{D2}xf32>
  %a1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<{M}x{D2}xf32>) -> tensor<{M}x{D2}xf32>
  %y1 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                       affine_map<(m, n, k) -> (n, k)>,
                                       affine_map<(m, n, k) -> (m, n)>]
                      ins(%y0, %w1 : tensor<{M}x{D1}xf32>, tensor<{D2}x{D1}xf32>)
                      outs(%a1 : tensor<{M}x{D2}xf32>) -> tensor<{M}x{D2}xf32>
  return %y1 : tensor<{M}x{D2}xf32>
}}
"""


def statistics(n0: np.ndarray, n1: np.ndarray) -> dict:
    """Layer 0 gives its norms as l2, layer 1 as sumsq (the reader takes the
    square root)."""
    return {"format": "sqz-stats", "version": 1, "layers": {
        NAMES[0]: {"channels": D0, "count": 128, "l2": n0.tolist()},
        NAMES[1]: {"channels": D1, "count": 128,
                   "sumsq": (n1 * n1).tolist()}}}


def decode(blob: str, shape: str, elem: str) -> np.ndarray:
    dims = tuple(int(d) for d in shape.split("x") if d)
    raw = np.frombuffer(bytes.fromhex(blob), np.uint8)
    if elem == "f32":
        return raw.view("<f4").reshape(dims)
    if elem == "i32":
        return raw.view("<i4").reshape(dims)
    if elem == "i1":   # packed 8 per byte, low bit first
        count = int(np.prod(dims))
        return np.unpackbits(raw, bitorder="little")[:count].astype(bool).reshape(dims)
    return raw.reshape(dims)   # one byte per element


def read_packs(text: str) -> dict:
    """The storage of the weight of each layer: name -> dict of arrays."""
    constants = {name: decode(blob, shape, elem)
                 for name, blob, shape, elem in CONSTANT.findall(text)}
    # Rank-0 scales and zero points are printed in decimal, with digits
    # enough to round-trip an f32.
    for name, value, elem in SCALAR.findall(text):
        constants[name] = (np.array(np.float32(float(value))) if elem == "f32"
                           else np.array(np.int32(int(value))))
    packs = {}
    for name, values, scales, zps, metadata in PACK.findall(text):
        packs[name] = {"values": constants.get(values),
                       "scales": constants.get(scales) if scales else None,
                       "zero_points": constants.get(zps) if zps else None,
                       "metadata": constants.get(metadata)}
    return {layer: packs[pack] for pack, layer in MATMUL.findall(text) if pack in packs}


def expected_prune(case: dict, weights, norms):
    """Per layer: ("unstructured", values, mask) or ("nm", values, positions)."""
    method, pattern, sparsity = case["method"], case["pattern"], case.get("sparsity", 0.5)
    transposed = (False, True)
    scores = [ref.magnitude_scores(w) if method == "magnitude"
              else ref.wanda_scores(w, norm, t)
              for w, norm, t in zip(weights, norms, transposed)]
    if pattern == "nm":
        return [("nm",) + ref.prune_nm(w, s, case["n"], case["m"], t)
                for w, s, t in zip(weights, scores, transposed)]
    if case.get("scope") == "global":
        masks = ref.keep_global(list(weights), sparsity)
    elif method == "wanda":
        masks = [ref.keep_per_output_channel(s, sparsity, t)
                 for s, t in zip(scores, transposed)]
    else:
        masks = [ref.keep_unstructured(s, sparsity) for s in scores]
    return [("unstructured",) + ref.pack_unstructured(w, k)
            for w, k in zip(weights, masks)]


def check(opt: str, case: dict, weights, norms, stats_path: str, path: str) -> bool:
    options = [f"method={case['method']}", f"pattern={case['pattern']}"]
    for key in ("sparsity", "n", "m", "scope"):
        if key in case:
            options.append(f"{key}={case[key]}")
    if case["method"] == "wanda":
        options.append(f"stats={stats_path}")
    args = [f"--sqz-prune={' '.join(options)}"]
    quant = case.get("quant")
    if quant:
        bits, granularity, symmetric = quant
        args.append(f"--sqz-quantize-weights=bits={bits} granularity={granularity} "
                    f"group-size=64 symmetric={'true' if symmetric else 'false'}")
    result = subprocess.run(
        [opt, path, *args, "--mlir-print-elementsattrs-with-hex-if-larger=0"],
        capture_output=True, text=True)
    got = read_packs(result.stdout) if result.returncode == 0 else {}
    if result.returncode != 0:
        sys.stderr.write(result.stderr)

    ok = len(got) == 2
    kept_total = 0
    for index, (name, w, transposed) in enumerate(zip(NAMES, weights, (False, True))):
        if not ok:
            break
        kind, values, metadata = expected_prune(case, weights, norms)[index]
        pack = got.get(name)
        if pack is None:
            ok = False
            break
        kept_total += values.size
        if kind == "nm":
            dense = ref.unpack_nm(values, metadata, case["n"], case["m"], transposed)
            ok = ok and np.array_equal(pack["metadata"].astype(np.uint8) & 0xFF,
                                       metadata) and pack["metadata"].shape == metadata.shape
            kept = np.ascontiguousarray(values)
            positions = None
        else:
            dense = np.where(metadata, w, np.float32(0))
            ok = ok and pack["metadata"].dtype == bool and np.array_equal(pack["metadata"], metadata)
            kept = values
            positions = metadata
        if not quant:
            ok = ok and pack["values"].dtype == np.float32 and np.array_equal(
                pack["values"].view(np.uint32), kept.view(np.uint32))
            continue
        # Quantized: the dense pruned weight quantized as a dense weight.
        channel_axis, reduction_axis = (0, 1) if transposed else (1, 0)
        ref_granularity = {"tensor": "tensor", "channel": ("channel", channel_axis),
                           "group": ("group", reduction_axis, 64)}[granularity]
        codes, scales, zps = sqz_ref.quantize_rtn(dense, ref_granularity, bits, symmetric)
        if kind == "nm":
            # The codes at the kept positions: group * m + position.
            c_nk = codes if transposed else codes.T
            p_nk = metadata if transposed else metadata.T
            rows = c_nk.shape[0]
            g = p_nk.shape[1] // case["n"]
            idx = (np.arange(g).repeat(case["n"])[None, :] * case["m"] + p_nk).astype(np.int64)
            kept_codes = np.take_along_axis(c_nk, idx, axis=1).reshape(rows, -1)
            kept_codes = kept_codes if transposed else kept_codes.T
        else:
            kept_codes = codes.ravel()[positions.ravel()]
        mask = (1 << bits) - 1
        ok = ok and np.array_equal(pack["values"].astype(np.int64) & mask,
                                   kept_codes.astype(np.int64) & mask)
        ok = ok and np.array_equal(pack["scales"].reshape(scales.shape).view(np.uint32),
                                   scales.view(np.uint32))
        if not symmetric:
            ok = ok and pack["zero_points"] is not None and np.array_equal(
                pack["zero_points"].reshape(zps.shape), zps)
    label = " ".join(f"{k}={v}" for k, v in case.items() if k != "quant")
    if quant:
        label += f" + quantize bits={bits} {granularity} {'sym' if symmetric else 'asym'}"
    print(f"{'ok  ' if ok else 'FAIL'} {label}  kept {kept_total}")
    return ok


CASES = [
    {"method": "magnitude", "pattern": "unstructured", "sparsity": 0.5},
    {"method": "magnitude", "pattern": "unstructured", "sparsity": 0.7},
    {"method": "magnitude", "pattern": "unstructured", "sparsity": 0.5, "scope": "global"},
    {"method": "magnitude", "pattern": "unstructured", "sparsity": 0.9, "scope": "global"},
    {"method": "wanda", "pattern": "unstructured", "sparsity": 0.5},
    {"method": "wanda", "pattern": "unstructured", "sparsity": 0.3},
    {"method": "magnitude", "pattern": "nm", "n": 2, "m": 4},
    {"method": "wanda", "pattern": "nm", "n": 2, "m": 4},
    {"method": "magnitude", "pattern": "nm", "n": 1, "m": 2},
    {"method": "magnitude", "pattern": "nm", "n": 3, "m": 8},
    {"method": "wanda", "pattern": "nm", "n": 4, "m": 16},
    {"method": "magnitude", "pattern": "nm", "n": 2, "m": 4, "quant": (8, "channel", True)},
    {"method": "wanda", "pattern": "nm", "n": 2, "m": 4, "quant": (4, "group", False)},
    {"method": "magnitude", "pattern": "unstructured", "sparsity": 0.5,
     "quant": (8, "tensor", False)},
    {"method": "wanda", "pattern": "unstructured", "sparsity": 0.5,
     "quant": (4, "group", True)},
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opt", required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    weights = make_weights(rng)
    norms = make_norms(rng)
    failures = 0
    with tempfile.TemporaryDirectory() as workdir:
        path = os.path.join(workdir, "model.mlir")
        with open(path, "w") as out:
            out.write(model(*weights))
        stats_path = os.path.join(workdir, "stats.json")
        with open(stats_path, "w") as out:
            json.dump(statistics(*norms), out)
        # What Wanda reads: l2 as written, sqrt(sumsq) for the second layer.
        norms = (norms[0], np.sqrt(norms[1] * norms[1]))
        for case in CASES:
            if not check(args.opt, case, weights, norms, stats_path, path):
                failures += 1
    print(f"{failures} mismatching cases")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
