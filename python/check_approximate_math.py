#!/usr/bin/python3
"""The accuracy of sqz-lower-to-cpu's f32 exp, tanh and erf
(sqz-cpu-approximate-math) against float64 references.

Runs one module that applies each function to 65536 inputs (all of [-88, 88]
and, denser, [-6, 6], where softmax and GELU evaluate them) twice through
sqz-run: with the approximations (the default) and with approximate-math=0
(the C math library). Prints each one's largest error in units in the last
place of the correctly rounded f32 result (results that are f32 normals; exp
below 2^-126 is compared in absolute terms), and fails when an
approximation is off by more than 5 ulp, or by more than 2^-126 (the
smallest normal) in the subnormal range, which exp's approximation flushes
to zero (inputs below -87.3: terms a softmax cannot tell from 0).

Usage: check_approximate_math.py --opt sqz-opt --run sqz-run
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

N = 65536
FUNCTIONS = [("exp", np.exp), ("tanh", np.tanh),
             ("erf", np.vectorize(math.erf, otypes=[np.float64]))]
MAX_ULP = 5.0


def module_text() -> str:
    t = f"tensor<{N}xf32>"
    lines = ["#id = affine_map<(d0) -> (d0)>",
             f"func.func @f(%x: {t}) -> ({', '.join([t] * len(FUNCTIONS))}) {{",
             f"  %e = tensor.empty() : {t}"]
    for i, (name, _) in enumerate(FUNCTIONS):
        lines += [f"  %y{i} = linalg.generic {{indexing_maps = [#id, #id], iterator_types = "
                  f'["parallel"]}} ins(%x : {t}) outs(%e : {t}) {{',
                  "  ^bb0(%v: f32, %o: f32):",
                  f"    %r = math.{name} %v : f32",
                  "    linalg.yield %r : f32",
                  f"  }} -> {t}"]
    results = ", ".join(f"%y{i}" for i in range(len(FUNCTIONS)))
    lines += [f"  return {results} : {', '.join([t] * len(FUNCTIONS))}", "}", ""]
    return "\n".join(lines)


def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(command)}\n{done.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--opt", required=True)
    parser.add_argument("--run", required=True)
    args = parser.parse_args()
    x = np.concatenate([np.linspace(-88, 88, N // 2),
                        np.linspace(-6, 6, N // 2)]).astype(np.float32)
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        model = os.path.join(work, "f.mlir")
        with open(model, "w") as f:
            f.write(module_text())
        inputs = os.path.join(work, "x.npy")
        np.save(inputs, x)
        outputs = {}
        for label, flag in (("approximation", "1"), ("libm", "0")):
            lowered = os.path.join(work, f"{label}.mlir")
            run([args.opt, model, f"--sqz-lower-to-cpu=approximate-math={flag}", "-o", lowered])
            out = os.path.join(work, label)
            run([args.run, lowered, "--entry", "f", "--input", inputs, "--output-dir", out])
            outputs[label] = [np.load(os.path.join(out, f"out{i}.npy"))
                              for i in range(len(FUNCTIONS))]
        for i, (name, reference) in enumerate(FUNCTIONS):
            exact = reference(x.astype(np.float64))
            rounded = exact.astype(np.float32)
            normal = np.isfinite(rounded) & (np.abs(rounded) >= np.finfo(np.float32).tiny)
            tiny = np.isfinite(rounded) & ~normal
            ulp = np.spacing(np.abs(rounded[normal])).astype(np.float64)
            for label in ("approximation", "libm"):
                got = outputs[label][i].astype(np.float64)
                error = np.abs(got[normal] - exact[normal]) / ulp
                small = np.abs(got[tiny] - exact[tiny]).max(initial=0.0)
                worst = float(error.max())
                ok = label == "libm" or (worst <= MAX_ULP and small <= 2.0 ** -126)
                failures += not ok
                print(f"{'ok  ' if ok else 'FAIL'} {name} {label}: max {worst:.2f} ulp, "
                      f"subnormal range max abs error {small:.1e}")
    print(f"{'PASS' if failures == 0 else 'FAIL'}: {failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
