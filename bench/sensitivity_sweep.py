#!/usr/bin/python3
"""Per-layer pruning sensitivity: how much the output of a model moves when
one linear layer alone is pruned, at increasing sparsity.

For every linear layer of the model (named as docs/statistics.md says; the
names are read from `sqz-opt --sqz-prune=sparsity=0`'s `sqz.layer`
attributes), and every sparsity 10%, 20%, ..., 90%, runs
`sqz-opt --sqz-prune="layers=LAYER sparsity=S ..."` (only that layer is
pruned, the others keep their dense weights) and `sqz-run` on seeded inputs,
and measures the relative L2 error of the output against the unpruned model
run the same way: ||y - y_dense|| / ||y_dense|| over all inputs together.

`--pattern nm` sweeps N:M instead: m = --m (default 8) and n = m-1, ..., 1,
i.e. sparsity 1/m, ..., (m-1)/m.

Writes a Markdown table (layers x sparsity) and a PNG plot (error vs
sparsity, one line per layer; log scale). Reading it: a layer whose curve
stays low up to a high sparsity can be pruned hard; the layer with the
steepest curve should be pruned least (or not at all); the curves measure
one layer at a time, so errors of several pruned layers roughly add up
(in relative L2, for small errors) but are not exactly additive.

Models: `example` (default), the README's examples/mlp.mlir, run at batch
64 with the same weights (python/make_example_mlp.py); `block`, the
transformer block of python/run_quantized_models.py (its first result);
or the path of any .mlir file whose entry (--entry, default: the first
func.func) takes one f32 input (inputs: sqz-run --random-inputs, uniform in
[-1, 1)). The built-in models take N(0, 1) inputs. `--method wanda` needs a
statistics file: written by python/prune_stats.py for the built-in models,
--stats FILE for others.

Usage: sensitivity_sweep.py [--model example|block|FILE] [--method magnitude|wanda]
                            [--pattern unstructured|nm] [--m M] [--inputs N] [--seed S]
                            [--md OUT.md] [--png OUT.png] [--no-plot]
                            [--opt sqz-opt] [--run sqz-run]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))
import prune_stats  # noqa: E402
from make_example_mlp import mlp_text  # noqa: E402

F32 = np.float32
EXAMPLE_BATCH = 64


def fail(message: str):
    raise SystemExit(f"sensitivity_sweep: {message}")


def run(command) -> str:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        fail(f"failed: {' '.join(command)}")
    return result.stdout


def builtin_model(name: str, seed: int):
    """(MLIR text, entry, model) of a built-in model."""
    if name == "example":
        model = prune_stats.ExampleMlp(0)
        if model.text() != open(os.path.join(ROOT, "examples", "mlp.mlir")).read():
            fail("python/make_example_mlp.py no longer writes examples/mlp.mlir")
        return mlp_text(model.w, EXAMPLE_BATCH, 0), "mlp", model
    model = prune_stats.Block(seed)
    return model.text(), "block", model


def layer_names(opt: str, source: str) -> list:
    text = run([opt, source, "--sqz-prune=sparsity=0"])
    names = re.findall(r'sqz\.layer = "([^"]+)"', text)
    if not names:
        fail(f"{source} has no linear layer that sqz-prune rewrites")
    return list(dict.fromkeys(names))


class Runner:
    """sqz-run on fixed seeded inputs; returns the first result of each."""

    def __init__(self, args, entry: str, work: str, builtin, shape):
        self.args, self.entry, self.work, self.count = args, entry, work, 0
        self.inputs = []
        if builtin:
            rng = np.random.default_rng(args.seed + 3000)
            for i in range(args.inputs):
                path = os.path.join(work, f"x{i}.npy")
                np.save(path, rng.standard_normal(shape).astype(F32))
                self.inputs.append(["--input", path])
        else:
            self.inputs = [["--random-inputs", "--seed", str(args.seed + i)]
                           for i in range(args.inputs)]

    def outputs(self, path: str) -> np.ndarray:
        results = []
        for how in self.inputs:
            self.count += 1
            out = os.path.join(self.work, f"run{self.count}")
            run([self.args.run, path, "--entry", self.entry, *how, "--output-dir", out])
            results.append(np.load(os.path.join(out, "out0.npy")).astype(np.float64))
        return np.stack(results)


def first_entry(text: str) -> str:
    match = re.search(r"func\.func @([\w.$-]+)", text)
    if not match:
        fail("no func.func in the model")
    return match.group(1)


def sweep_points(args) -> list:
    """(column label, sparsity, --sqz-prune options) of the sweep."""
    if args.pattern == "nm":
        return [(f"{n}:{args.m} ({1 - n / args.m:.0%})", 1 - n / args.m,
                 f"pattern=nm n={n} m={args.m}") for n in range(args.m - 1, 0, -1)]
    return [(f"{s}%", s / 100, f"sparsity={s / 100:g}") for s in range(10, 100, 10)]


def display_name(args) -> str:
    return {"example": f"examples/mlp.mlir (batch {EXAMPLE_BATCH})",
            "block": "the transformer block of python/run_quantized_models.py"}.get(
                args.model, args.model)


def markdown(args, names, points, errors, command) -> str:
    what = (f"{args.method}, N:M with m = {args.m}" if args.pattern == "nm"
            else f"{args.method}, unstructured")
    lines = [f"Generated by `{command}`.", "",
             f"Pruning sensitivity of each linear layer of {display_name(args)} ({what}): the "
             "relative L2 error of the output, ||y - y_dense|| / ||y_dense||, when only that "
             f"layer is pruned (`--sqz-prune=\"layers=NAME ...\"`), over {args.inputs} seeded "
             f"inputs (seed {args.seed}), run by `sqz-run`. Read a row left to right: the "
             "layer whose error grows first is the most sensitive; see bench/README.md.", "",
             "| layer | " + " | ".join(p[0] for p in points) + " |",
             "|---|" + "---|" * len(points)]
    for name in names:
        lines.append(f"| `{name}` | " + " | ".join(f"{e:.2e}" for e in errors[name]) + " |")
    return "\n".join(lines) + "\n"


def plot(args, names, points, errors, path: str) -> None:
    try:
        import matplotlib
    except ImportError:
        fail("the plot needs matplotlib, which is not installed: install it "
             "(`apt-get install python3-matplotlib` or `pip install matplotlib`), "
             "or pass --no-plot to write only the table")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 4.5))
    x = [100 * p[1] for p in points]
    for name in names:
        ax.plot(x, errors[name], marker="o", label=name)
    ax.set_yscale("log")
    ax.set_xlabel("sparsity of the pruned layer (%)")
    ax.set_ylabel("output relative L2 error vs unpruned")
    pattern = f"N:M, m = {args.m}" if args.pattern == "nm" else "unstructured"
    title = {"example": "examples/mlp.mlir", "block": "transformer block"}.get(
        args.model, os.path.basename(args.model))
    ax.set_title(f"{title}: one layer pruned ({args.method}, {pattern})")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="example",
                        help="example (examples/mlp.mlir), block, or an .mlir file")
    parser.add_argument("--entry", help="entry function (a file model; default: the first)")
    parser.add_argument("--method", default="magnitude", choices=["magnitude", "wanda"])
    parser.add_argument("--pattern", default="unstructured", choices=["unstructured", "nm"])
    parser.add_argument("--m", type=int, default=8, help="group length for --pattern nm")
    parser.add_argument("--stats", help="statistics file for --method wanda (a file model)")
    parser.add_argument("--inputs", type=int, default=4, help="seeded inputs per run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--md", help="Markdown table (default: print it)")
    parser.add_argument("--png", help="plot (default: no plot)")
    parser.add_argument("--no-plot", action="store_true", help="ignore --png")
    parser.add_argument("--opt", default=os.path.join(ROOT, "build", "bin", "sqz-opt"))
    parser.add_argument("--run", default=os.path.join(ROOT, "build", "bin", "sqz-run"))
    args = parser.parse_args()
    if args.png and not args.no_plot:
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            fail("the plot needs matplotlib, which is not installed: install it "
                 "(`apt-get install python3-matplotlib` or `pip install matplotlib`), "
                 "or pass --no-plot to write only the table")

    builtin = args.model in ("example", "block")
    with tempfile.TemporaryDirectory() as work:
        if builtin:
            text, entry, model = builtin_model(args.model, args.seed)
            shape = ((EXAMPLE_BATCH, model.dims[0]) if args.model == "example"
                     else model.x.shape)
        else:
            text = open(args.model).read()
            entry, model, shape = args.entry or first_entry(text), None, None
        source = os.path.join(work, "model.mlir")
        with open(source, "w") as f:
            f.write(text)
        stats = args.stats
        if args.method == "wanda" and not stats:
            if not builtin:
                fail("--method wanda on a model file needs --stats FILE")
            stats = os.path.join(work, "stats.json")
            prune_stats.write(prune_stats.statistics(model, args.seed, rows=256), stats)

        names = layer_names(args.opt, source)
        runner = Runner(args, entry, work, builtin, shape)
        dense = runner.outputs(source)
        norm = float(np.linalg.norm(dense))
        points = sweep_points(args)
        errors = {}
        for name in names:
            errors[name] = []
            for label, _, option in points:
                option = f"--sqz-prune=method={args.method} layers={name} {option}"
                if args.method == "wanda":
                    option += f" stats={stats}"
                pruned = os.path.join(work, "pruned.mlir")
                run([args.opt, source, option, "-o", pruned])
                y = runner.outputs(pruned)
                errors[name].append(float(np.linalg.norm(y - dense)) / norm)
                print(f"{name} {label}: rel L2 {errors[name][-1]:.3e}", flush=True)

    command = " ".join(["python3", "bench/sensitivity_sweep.py"] + sys.argv[1:])
    table = markdown(args, names, points, errors, command)
    if args.md:
        with open(args.md, "w") as f:
            f.write(table)
    else:
        print(table)
    if args.png and not args.no_plot:
        plot(args, names, points, errors, args.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
