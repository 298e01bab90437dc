#!/usr/bin/env python3
"""Fits the table of runtime/cpu/ErfAvx512.h and reports its accuracy.

erf(x) = x * g(|x|) with g(x) = erf(x) / x, which is even, smooth and near
2 / sqrt(pi) at 0 (so the relative error stays small for tiny x). On
[0, 4) g is one polynomial of degree 5 per interval of width 1/4, in
t = |x| - (centre of the interval), fitted by least squares on Chebyshev
nodes. Prints the C++ table, then the largest error in ulps of the
float32 erf over a dense grid of float32 inputs, evaluating the table as
the kernel does (each fused multiply-add rounded once to float32).

  /usr/bin/python3 scripts/fit-erf.py            # table and accuracy
"""
import math

import numpy as np

WIDTH = 0.25
INTERVALS = 16
DEGREE = 5
# The smallest float32 whose float32 erf is 1 (erf(3.9192059) rounds to 1).
ONE_FROM = np.float32(3.919206)


def g(x):
    return np.array([math.erf(v) / v if v else 2 / math.sqrt(math.pi)
                     for v in x])


def fit():
    table = np.zeros((DEGREE + 1, INTERVALS))
    nodes = np.cos((2 * np.arange(400) + 1) * np.pi / 800)
    for i in range(INTERVALS):
        centre = i * WIDTH + WIDTH / 2
        x = centre + WIDTH / 2 * nodes
        powers = np.vander(x - centre, DEGREE + 1, increasing=True)
        table[:, i] = np.linalg.lstsq(powers, g(x), rcond=None)[0]
    return table.astype(np.float32)


def fma32(a, b, c):
    return (a.astype(np.float64) * b.astype(np.float64)
            + c.astype(np.float64)).astype(np.float32)


def erf32(table, x):
    ax = np.minimum(np.abs(x), np.float32(4.0))
    i = np.minimum((ax * np.float32(4.0)).astype(np.int32), INTERVALS - 1)
    centre = fma32(i.astype(np.float32), np.float32(WIDTH),
                   np.float32(WIDTH / 2))
    t = (ax - centre).astype(np.float32)
    p = table[DEGREE, i]
    for d in range(DEGREE - 1, -1, -1):
        p = fma32(p, t, table[d, i])
    r = (ax * p).astype(np.float32)
    r = np.where(np.abs(x) >= ONE_FROM, np.float32(1.0), r)
    return np.copysign(r, x)


def main():
    table = fit()
    print("alignas(64) constexpr float kErfTable[%d][%d] = {" %
          (DEGREE + 1, INTERVALS))
    for row in table:
        print("    {" + ", ".join("%.9ef" % v for v in row) + "},")
    print("};")
    x = np.concatenate([
        np.linspace(0, 4.5, 1_000_001, dtype=np.float32),
        (np.float32(10.0) ** np.linspace(-30, 0, 20001)).astype(np.float32)])
    exact = np.array([math.erf(float(v)) for v in x])
    ulp = np.spacing(np.abs(exact.astype(np.float32)))
    error = np.abs(erf32(table, x).astype(np.float64) - exact) / ulp
    print("max error %.2f ulp at x = %r; mean %.2f ulp"
          % (error.max(), float(x[error.argmax()]), error.mean()))


if __name__ == "__main__":
    main()
