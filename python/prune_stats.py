#!/usr/bin/python3
"""Calibration statistics of a model's linear layers, in the statistics file
format of docs/statistics.md, computed in numpy from seeded calibration
inputs.

For every linear layer: the layer's *input* per input channel k (the
reduction dimension of its weight) over all calibration rows: `count`,
`min`, `max`, `absmax`, `sumsq` (sum of x^2 in float64) and `l2` =
sqrt(sumsq), the ||X_k||_2 that `sqz-prune method=wanda` reads. The inputs
are those of the dense fp32 model, computed in numpy (float64 matmuls: the
statistics need not match any run bit for bit).

Layers are named as docs/statistics.md says: `<function>.linear<i>`, `i`
counting the function's linear layers in program order (the models here
carry no `sqz.layer` attribute).

Models: those of python/run_quantized_models.py (`mlp`, `block`) and
`example`, the README's examples/mlp.mlir (python/make_example_mlp.py,
seed 0, 256 -> 512 -> 128, batch 4).

Usage: prune_stats.py --model mlp|block|example OUT.json [--seed N] [--rows R]
"""

import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_example_mlp import mlp_text  # noqa: E402
from run_quantized_models import Block, Mlp  # noqa: E402

F32 = np.float32


class ExampleMlp(Mlp):
    """examples/mlp.mlir: make_example_mlp.py's defaults (seed 0, batch 4,
    256 -> 512 -> 128), one result (no taps)."""
    name = "example"
    title = "examples/mlp.mlir: MLP 256 -> 512 -> 128, batch 4"
    batch, dims = 4, (256, 512, 128)

    def text(self) -> str:
        return mlp_text(self.w, self.batch, self.seed)


MODELS = {"mlp": Mlp, "block": Block, "example": ExampleMlp}


def layer_names(model) -> list:
    """docs/statistics.md's names of the model's linear layers."""
    return [f"{model.entry}.linear{i}" for i in range(len(model.layers))]


def calibration_inputs(model, seed: int, rows: int) -> list:
    """Seeded N(0, 1) calibration inputs: `rows` rows for the MLPs (one
    batch), for the block rows // S sequences of S rows (at least one)."""
    rng = np.random.default_rng(seed + 2000)
    width = model.x.shape[-1]
    if isinstance(model, Block):
        return [rng.standard_normal((model.S, width)).astype(F32)
                for _ in range(max(1, rows // model.S))]
    return [rng.standard_normal((rows, width)).astype(F32)]


def layer_inputs(model, inputs: list) -> dict:
    """The input of every linear layer of the dense model, rows stacked."""
    seen = {layer.name: [] for layer in model.layers}

    def linear(layer, a):
        seen[layer.name].append(a.reshape(-1, a.shape[-1]).astype(np.float64))
        w = layer.weight.T if layer.transposed else layer.weight
        return (a.astype(np.float64) @ w.astype(np.float64)).astype(F32)

    for x in inputs:
        model.forward(x, linear)
    return {name: np.concatenate(rows) for name, rows in seen.items()}


def statistics(model, seed: int, rows: int) -> dict:
    """The statistics document of `model` (docs/statistics.md, version 1)."""
    inputs = layer_inputs(model, calibration_inputs(model, seed, rows))
    layers = {}
    for name, layer in zip(layer_names(model), model.layers):
        x = inputs[layer.name]
        sumsq = np.sum(x * x, axis=0)
        layers[name] = {
            "channels": int(x.shape[1]),
            "count": int(x.shape[0]),
            "min": [float(v) for v in x.min(axis=0)],
            "max": [float(v) for v in x.max(axis=0)],
            "absmax": [float(v) for v in np.abs(x).max(axis=0)],
            "sumsq": [float(v) for v in sumsq],
            "l2": [float(v) for v in np.sqrt(sumsq)],
        }
    return {"format": "sqz-stats", "version": 1, "layers": layers}


def input_norms(document: dict, model) -> list:
    """The l2 arrays of the model's layers, in layer order."""
    return [np.array(document["layers"][name]["l2"], dtype=np.float64)
            for name in layer_names(model)]


def write(document: dict, path: str) -> None:
    # json writes floats with repr: the shortest string that round-trips.
    with open(path, "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--model", required=True, choices=sorted(MODELS))
    parser.add_argument("--seed", type=int, default=0, help="the model's seed")
    parser.add_argument("--rows", type=int, default=256, help="calibration rows")
    args = parser.parse_args()
    model = MODELS[args.model](args.seed)
    write(statistics(model, args.seed, args.rows), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
