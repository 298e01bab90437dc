"""Checks `sqz-run --calibrate` against statistics computed with numpy.

Writes seeded samples, instruments a two-layer MLP (the second layer reads
relu of the first, so its input has exact zeros and ties), calibrates over
the sample directory and over the same files listed one by one, and compares
every field of the statistics file with numpy computed from the formulas of
docs/statistics.md: min/max/absmax and histogram counts exactly, sumsq, l2 and
the Hessian X^T X to 1e-9 relative. The samples differ in scale by 10^4, so
the histograms widen during the run.

Then calibrates the first two and the last two samples separately and merges
the two files with `sqz-run --merge-stats` (in both orders): count, min,
max, absmax and histograms must equal the one-run file exactly, sumsq, l2
and the Hessians to 1e-12 relative. Prints one `ok` line per check.
"""

import argparse
import os
import subprocess
import sys

import numpy as np

import sqz_stats

MODEL = """
func.func @mlp(%x: tensor<5x8xf32>) -> tensor<5x4xf32> {
  %w0 = arith.constant dense<WEIGHT0> : tensor<8x6xf32>
  %w1 = arith.constant dense<WEIGHT1> : tensor<6x4xf32>
  %c0 = arith.constant 0.0 : f32
  %z0 = tensor.empty() : tensor<5x6xf32>
  %f0 = linalg.fill ins(%c0 : f32) outs(%z0 : tensor<5x6xf32>) -> tensor<5x6xf32>
  %h = linalg.matmul ins(%x, %w0 : tensor<5x8xf32>, tensor<8x6xf32>) outs(%f0 : tensor<5x6xf32>) -> tensor<5x6xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%h : tensor<5x6xf32>) outs(%z0 : tensor<5x6xf32>) {
    ^bb0(%a: f32, %o: f32):
      %m = arith.maximumf %a, %c0 : f32
      linalg.yield %m : f32
  } -> tensor<5x6xf32>
  %z1 = tensor.empty() : tensor<5x4xf32>
  %f1 = linalg.fill ins(%c0 : f32) outs(%z1 : tensor<5x4xf32>) -> tensor<5x4xf32>
  %y = linalg.matmul ins(%r, %w1 : tensor<5x6xf32>, tensor<6x4xf32>) outs(%f1 : tensor<5x4xf32>) -> tensor<5x4xf32>
  return %y : tensor<5x4xf32>
}
"""

BINS = 16


def dense(array):
    return "[" + ", ".join(
        "[" + ", ".join(repr(float(v)) for v in row) + "]" for row in array) + "]"


def histogram_range(absmax):
    """The smallest power of two above absmax, at least 2^-126."""
    r = np.full(absmax.shape, 2.0 ** -126)
    for k, a in enumerate(absmax):
        while r[k] <= a:
            r[k] *= 2
    return r


def histogram(x, r, bins):
    """Bin b of channel k holds x with edge_b <= x < edge_{b+1}, edges
    -r + i * 2r / bins (all exact in float64)."""
    counts = np.zeros((x.shape[1], bins), np.int64)
    for k in range(x.shape[1]):
        edges = -r[k] + np.arange(1, bins) * (2 * r[k] / bins)
        b = np.searchsorted(edges, x[:, k], side="right")
        counts[k] = np.bincount(b, minlength=bins)
    return counts


def rel_close(a, b, tol=1e-9):
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return np.all(np.abs(a - b) <= tol * np.maximum(np.abs(b), 1e-300))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opt", default="sqz-opt")
    parser.add_argument("--run", default="sqz-run")
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rng = np.random.default_rng(7)
    w0 = rng.standard_normal((8, 6)).astype(np.float32)
    w1 = rng.standard_normal((6, 4)).astype(np.float32)
    model = MODEL.replace("WEIGHT0", dense(w0)).replace("WEIGHT1", dense(w1))
    src = os.path.join(args.work, "mlp.mlir")
    with open(src, "w") as f:
        f.write(model)
    inst = os.path.join(args.work, "mlp.inst.mlir")
    subprocess.run([args.opt, src, "--sqz-instrument", "-o", inst], check=True)

    samples = os.path.join(args.work, "samples")
    os.makedirs(samples, exist_ok=True)
    xs = []
    for i, scale in enumerate((0.01, 1.0, 100.0, 3.0)):
        x = (rng.standard_normal((5, 8)) * scale).astype(np.float32)
        x[0, 0] = 0.0
        np.save(os.path.join(samples, f"s{i}.npy"), x)
        xs.append(x)

    out_dir = os.path.join(args.work, "dir")
    out_list = os.path.join(args.work, "list")
    for out in (out_dir, out_list):
        os.makedirs(out, exist_ok=True)
    common = [args.run, inst, "--entry", "mlp", "--hessian",
              f"--histogram-bins={BINS}"]
    subprocess.run(common + ["--calibrate", samples, "--stats-out",
                             os.path.join(out_dir, "stats.json")], check=True)
    files = ",".join(os.path.join(samples, f"s{i}.npy") for i in range(4))
    subprocess.run(common + ["--calibrate", files, "--stats-out",
                             os.path.join(out_list, "stats.json")], check=True)

    failures = 0

    def check(name, ok):
        nonlocal failures
        print(("ok " if ok else "FAIL ") + name)
        failures += not ok

    # The layers' inputs, computed independently (f32 matmul, then relu).
    x0 = np.concatenate(xs)
    x1 = np.maximum(x0.astype(np.float64) @ w0.astype(np.float64), 0.0)
    inputs = {"mlp.linear0": x0.astype(np.float64)}
    stats = sqz_stats.load(os.path.join(out_dir, "stats.json"))
    check("format", stats["format"] == "sqz-stats" and stats["version"] == 2)
    check("layers", sorted(stats["layers"]) == ["mlp.linear0", "mlp.linear1"])
    for name, x in inputs.items():
        s = stats["layers"][name]
        check(f"{name} channels/count",
              s["channels"] == x.shape[1] and s["count"] == x.shape[0])
        check(f"{name} min", np.array_equal(s["min"], x.min(0)))
        check(f"{name} max", np.array_equal(s["max"], x.max(0)))
        check(f"{name} absmax", np.array_equal(s["absmax"], np.abs(x).max(0)))
        sumsq = (x * x).sum(0)
        check(f"{name} sumsq", rel_close(s["sumsq"], sumsq))
        check(f"{name} l2", rel_close(s["l2"], np.sqrt(sumsq)))
        h = s["histogram"]
        r = histogram_range(np.abs(x).max(0))
        check(f"{name} histogram range",
              h["bins"] == BINS and np.array_equal(h["lo"], -r)
              and np.array_equal(h["hi"], r))
        counts = histogram(x, r, BINS)
        check(f"{name} histogram counts", np.array_equal(h["counts"], counts))
        hess = np.load(os.path.join(out_dir, s["hessian"]))
        check(f"{name} hessian",
              hess.dtype == np.float64 and rel_close(hess, x.T @ x))

    # The second layer's input comes out of the JIT-compiled matmul, whose
    # f32 summation order differs from numpy's: compare loosely, and check
    # the exact fields against its own count and the zeros of relu.
    s = stats["layers"]["mlp.linear1"]
    check("mlp.linear1 channels/count",
          s["channels"] == 6 and s["count"] == x1.shape[0])
    check("mlp.linear1 min", np.allclose(s["min"], x1.min(0), rtol=1e-5))
    check("mlp.linear1 max", np.allclose(s["max"], x1.max(0), rtol=1e-5))
    check("mlp.linear1 sumsq", np.allclose(s["sumsq"], (x1 * x1).sum(0),
                                           rtol=1e-5))
    check("mlp.linear1 histogram total",
          np.array_equal(np.sum(s["histogram"]["counts"], 1), [x1.shape[0]] * 6))

    with open(os.path.join(out_list, "stats.json")) as f:
        listed = f.read()
    with open(os.path.join(out_dir, "stats.json")) as f:
        check("directory == listed files", f.read() == listed)
    check("directory == listed files (arrays)",
          sqz_stats.load(os.path.join(out_list, "stats.json")) == stats)
    for name in inputs:
        a = np.load(os.path.join(out_dir, f"{name}.hessian.npy"))
        b = np.load(os.path.join(out_list, f"{name}.hessian.npy"))
        check(f"{name} hessian directory == listed files", np.array_equal(a, b))

    # Two runs over halves of the samples, merged in both orders.
    halves = []
    for part, picked in (("a", (0, 1)), ("b", (2, 3))):
        out = os.path.join(args.work, part)
        os.makedirs(out, exist_ok=True)
        files = ",".join(os.path.join(samples, f"s{i}.npy") for i in picked)
        subprocess.run(common + ["--calibrate", files, "--stats-out",
                                 os.path.join(out, "stats.json")], check=True)
        halves.append(os.path.join(out, "stats.json"))
    for order, pair in (("a+b", halves), ("b+a", halves[::-1])):
        out = os.path.join(args.work, order)
        os.makedirs(out, exist_ok=True)
        subprocess.run([args.run, "--merge-stats", ",".join(pair),
                        "--stats-out", os.path.join(out, "stats.json")],
                       check=True)
        m = sqz_stats.load(os.path.join(out, "stats.json"))
        for name, s in stats["layers"].items():
            t = m["layers"][name]
            exact = all(t[key] == s[key] for key in
                        ("channels", "count", "min", "max", "absmax",
                         "histogram"))
            check(f"merge {order} {name} exact fields", exact)
            check(f"merge {order} {name} sums",
                  rel_close(t["sumsq"], s["sumsq"], 1e-12)
                  and rel_close(t["l2"], s["l2"], 1e-12))
            check(f"merge {order} {name} hessian",
                  rel_close(np.load(os.path.join(out, t["hessian"])),
                            np.load(os.path.join(out_dir, s["hessian"])),
                            1e-12))
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
