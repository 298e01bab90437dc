#!/usr/bin/python3
"""Compares two .npy files: the array a program produced and a reference.

Same dtype and shape are required; then values are compared exactly
(--exact: bit for bit for integers and bools, and for floats equal values
with NaN matching NaN) or within a tolerance, elementwise
|actual - expected| <= atol + rtol * |expected| (numpy.isclose semantics,
NaN matching NaN). Prints one line, "compare_npy: ok ..." or
"compare_npy: MISMATCH ...", with the largest errors and the first
mismatching index; exits 0 when the arrays match, 1 when they do not and 2 on
a usage or file error.

Usage: compare_npy.py ACTUAL.npy EXPECTED.npy [--exact | --atol A --rtol R]
"""

import argparse
import sys

import numpy as np


def _load(path):
    try:
        return np.load(path, allow_pickle=False)
    except (OSError, ValueError) as error:
        print(f"compare_npy: error: cannot read {path}: {error}", file=sys.stderr)
        sys.exit(2)


def compare(actual, expected, exact, atol, rtol):
    """Returns (ok, message) for two arrays."""
    if actual.dtype != expected.dtype:
        return False, f"dtype {actual.dtype} != expected {expected.dtype}"
    if actual.shape != expected.shape:
        return False, f"shape {actual.shape} != expected {expected.shape}"
    if actual.size == 0:
        return True, f"{actual.dtype} {actual.shape} (empty)"

    is_float = np.issubdtype(actual.dtype, np.floating)
    if exact or not is_float:
        if is_float:
            bad = ~((actual == expected) | (np.isnan(actual) & np.isnan(expected)))
        else:
            bad = actual != expected
        how = "exact"
    else:
        a = actual.astype(np.float64)
        e = expected.astype(np.float64)
        bad = ~np.isclose(a, e, rtol=rtol, atol=atol, equal_nan=True)
        how = f"atol={atol:g} rtol={rtol:g}"

    if is_float:
        finite = np.isfinite(actual) & np.isfinite(expected)
        diff = np.abs(actual.astype(np.float64) - expected.astype(np.float64))
        max_abs = float(diff[finite].max()) if finite.any() else 0.0
        stats = f", max abs error {max_abs:.3g}"
    else:
        diff = np.abs(actual.astype(np.int64) - expected.astype(np.int64))
        stats = f", max abs error {int(diff.max())}"

    count = int(bad.sum())
    if count == 0:
        return True, f"{actual.dtype} {actual.shape} {how}{stats}"
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    return False, (f"{count} of {actual.size} elements differ ({how}){stats}; "
                   f"first at {first}: {actual[first]!r} != expected "
                   f"{expected[first]!r}")


def main():
    parser = argparse.ArgumentParser(
        description="Compare a .npy result with a reference .npy file.")
    parser.add_argument("actual")
    parser.add_argument("expected")
    parser.add_argument("--exact", action="store_true",
                        help="require equal values (always so for integers)")
    parser.add_argument("--atol", type=float, default=1e-5,
                        help="absolute tolerance for floats (default 1e-5)")
    parser.add_argument("--rtol", type=float, default=1e-5,
                        help="relative tolerance for floats (default 1e-5)")
    args = parser.parse_args()

    ok, message = compare(_load(args.actual), _load(args.expected), args.exact,
                          args.atol, args.rtol)
    print(f"compare_npy: {'ok' if ok else 'MISMATCH'}: {args.actual}: {message}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
