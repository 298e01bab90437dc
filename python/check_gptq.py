#!/usr/bin/python3
"""Checks sqz-quantize-weights method=gptq against the numpy reference.

Writes a one-layer model with a seeded random weight (K=256 inputs, N=128
outputs) and the Hessian XᵀX of seeded, strongly correlated inputs X (so that
error compensation matters), runs `sqz-opt --sqz-quantize-weights` with
method=gptq for several schemes and weight layouts, reads the codes, scales
and zero points back from the printed constants and compares them with
python/sqz_gptq_ref.py: scales and zero points exactly, codes exactly except
for at most --max-code-mismatches (default 0; a mismatch can only come from a
weight within rounding noise of a tie). Then compares the output error
||X W - X Ŵ|| (Frobenius) of GPTQ with that of method=rtn: GPTQ must be lower.
Last, a weight pruned by sqz-prune (unstructured, 50%) then quantized by
GPTQ: the codes of the kept positions against the reference run with the
pruning mask (pruned positions held at zero).
Prints one line per scheme; exits 1 on any failure.

Usage: check_gptq.py --opt PATH/TO/sqz-opt [--seed N]
"""

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_prune  # noqa: E402
import check_weight_quant  # noqa: E402
import sqz_gptq_ref  # noqa: E402

K, N, M = 256, 128, 1024


def make_layer(rng: np.random.Generator):
    """A weight [K, N] and inputs X [M, K] whose channels are correlated
    (a random mixing with a decaying spectrum) and of uneven scale."""
    w = rng.standard_normal((K, N)).astype(np.float32)
    mixing = rng.standard_normal((K, K)) * np.exp(-np.arange(K) / 24.0)[:, None]
    x = rng.standard_normal((M, K)) @ mixing
    x = x * rng.uniform(0.2, 3.0, K) + 0.05 * rng.standard_normal((M, K))
    return w, x


def model(w: np.ndarray, transposed: bool) -> str:
    # check_weight_quant's one-layer model, at this size, named gptq.linear0.
    check_weight_quant.K, check_weight_quant.N = K, N
    return check_weight_quant.model(w, transposed).replace("@layer", "@gptq")


def run(opt: str, path: str, options: str) -> dict:
    text = subprocess.run(
        [opt, path, f"--sqz-quantize-weights={options}",
         "--mlir-print-elementsattrs-with-hex-if-larger=0"],
        check=True, capture_output=True, text=True).stdout
    return check_weight_quant.read_constants(text)


def restore(got: dict, symmetric: bool, transposed: bool):
    """(codes as integers, scales, zero points) of sqz-opt's output in the
    [K, N] layout of the reference."""
    bits = got["bits"]
    codes = got["codes"].astype(np.int64) & ((1 << bits) - 1)
    if symmetric:
        codes = np.where(codes >= 1 << (bits - 1), codes - (1 << bits), codes)
    scales = got["scales"]
    zps = got.get("zero_points")
    if transposed:
        codes = codes.T
        scales = scales.T if scales.ndim == 2 else scales
        zps = zps.T if zps is not None and zps.ndim == 2 else zps
    return codes, scales, zps


def dequantized(codes, scales, zps, granularity):
    return sqz_gptq_ref.dequantize(codes, scales, zps, granularity)


def check(opt, w, x, hessian, workdir, bits, granularity, symmetric,
          transposed, act_order, max_mismatches, compare_rtn) -> bool:
    path = os.path.join(workdir, "layer.mlir")
    with open(path, "w") as out:
        out.write(model(w, transposed))
    if granularity == "channel":
        scheme, ref_granularity = "granularity=channel", "channel"
    elif granularity == "tensor":
        scheme, ref_granularity = "granularity=tensor", "tensor"
    else:
        scheme = f"granularity=group group-size={granularity}"
        ref_granularity = ("group", granularity)
    common = f"bits={bits} {scheme} symmetric={'true' if symmetric else 'false'}"
    got = run(opt, path, f"method=gptq hessian={workdir} damp=0.01 "
              f"act-order={'true' if act_order else 'false'} {common}")
    codes, scales, zps = restore(got, symmetric, transposed)
    ref_codes, ref_scales, ref_zps = sqz_gptq_ref.gptq(
        w, hessian, bits, ref_granularity, symmetric=symmetric, damp=0.01,
        act_order=act_order)
    mismatches = int(np.sum(codes != ref_codes))
    ok = mismatches <= max_mismatches
    ok = ok and np.array_equal(np.asarray(scales).reshape(np.shape(ref_scales)).view(np.uint32),
                               np.asarray(ref_scales).view(np.uint32))
    if not symmetric:
        ok = ok and np.array_equal(np.asarray(zps).reshape(np.shape(ref_zps)), ref_zps)
    w64 = w.astype(np.float64)
    gptq_error = np.linalg.norm(x @ (w64 - dequantized(codes, scales, zps, ref_granularity)))
    rtn = restore(run(opt, path, common), symmetric, transposed)
    rtn_error = np.linalg.norm(x @ (w64 - dequantized(*rtn, ref_granularity)))
    if compare_rtn:
        ok = ok and gptq_error < rtn_error
    layout = "[N, K]" if transposed else "[K, N]"
    print(f"{'ok  ' if ok else 'FAIL'} bits={bits} {str(granularity):7s} "
          f"{'symmetric ' if symmetric else 'asymmetric'} {layout} "
          f"act-order={'true ' if act_order else 'false'} "
          f"code mismatches {mismatches}/{codes.size}  "
          f"||XW-XQ|| gptq {gptq_error:.4g} rtn {rtn_error:.4g} "
          f"(ratio {gptq_error / rtn_error:.3f})")
    return ok


def check_pruned(opt, w, x, hessian, workdir, max_mismatches) -> bool:
    """sqz-prune then GPTQ (4 bits, groups of 128) of the [K, N] weight."""
    path = os.path.join(workdir, "layer.mlir")
    with open(path, "w") as out:
        out.write(model(w, False))
    quant = "bits=4 granularity=group group-size=128"
    packs = {}
    for method, options in (("gptq", f"method=gptq hessian={workdir}"),
                            ("rtn", "method=rtn")):
        text = subprocess.run(
            [opt, path, "--sqz-prune",
             f"--sqz-quantize-weights={options} {quant}",
             "--mlir-print-elementsattrs-with-hex-if-larger=0"],
            check=True, capture_output=True, text=True).stdout
        packs[method] = check_prune.read_packs(text)["gptq.linear0"]
    mask = packs["gptq"]["metadata"]
    dense = np.where(mask, w, np.float32(0))
    ref_codes, ref_scales, _ = sqz_gptq_ref.gptq(dense, hessian, 4, ("group", 128),
                                                 keep=mask)

    def restored(pack):
        codes = pack["values"].astype(np.int64) & 15
        codes = np.where(codes >= 8, codes - 16, codes)
        full = np.zeros((K, N), np.int64)
        full[mask] = codes
        return full, pack["scales"]

    codes, scales = restored(packs["gptq"])
    mismatches = int(np.sum(codes[mask] != ref_codes[mask]))
    ok = (mismatches <= max_mismatches and np.all(ref_codes[~mask] == 0) and
          np.array_equal(scales.view(np.uint32), ref_scales.view(np.uint32)))
    target = dense.astype(np.float64)
    errors = {}
    for method in ("gptq", "rtn"):
        c, sc = restored(packs[method])
        errors[method] = np.linalg.norm(
            x @ (target - sqz_gptq_ref.dequantize(c, sc, None, ("group", 128))))
    ok = ok and errors["gptq"] < errors["rtn"]
    print(f"{'ok  ' if ok else 'FAIL'} pruned 50% unstructured + bits=4 128 "
          f"symmetric [K, N] code mismatches {mismatches}/{int(mask.sum())}  "
          f"||XW-XQ|| gptq {errors['gptq']:.4g} rtn {errors['rtn']:.4g} "
          f"(ratio {errors['gptq'] / errors['rtn']:.3f})")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opt", required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-code-mismatches", type=int, default=0)
    args = parser.parse_args()
    w, x = make_layer(np.random.default_rng(args.seed))
    hessian = x.T @ x
    cases = [
        # bits, granularity, symmetric, transposed, act-order, GPTQ < RTN
        (4, 128, True, False, False, True),
        (4, 128, True, True, False, True),
        (4, "channel", True, False, False, True),
        (4, "channel", True, True, True, True),
        (4, 128, False, False, True, True),
        (4, 32, True, False, True, True),
        (4, 64, False, True, False, True),
        (8, "channel", True, False, False, True),
        (2, "tensor", False, False, False, True),
    ]
    failures = 0
    with tempfile.TemporaryDirectory() as workdir:
        np.save(os.path.join(workdir, "gptq.linear0.hessian.npy"), hessian)
        for case in cases:
            if not check(args.opt, w, x, hessian, workdir, *case[:5],
                         args.max_code_mismatches, case[5]):
                failures += 1
        if not check_pruned(args.opt, w, x, hessian, workdir,
                            args.max_code_mismatches):
            failures += 1
    print(f"{failures} failing schemes")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
