"""Reads Squeeze statistics files (docs/statistics.md), version 1 (arrays
inline in the JSON) or 2 (a JSON index with the per-channel arrays and the
histogram counts in .npy files beside it), into one form: the version 1
dictionary, with every array as a Python list."""

import json
import os

import numpy as np


def load(path: str) -> dict:
    with open(path) as f:
        stats = json.load(f)
    directory = os.path.dirname(path)
    for layer in stats["layers"].values():
        file = layer.pop("channel_stats", None)
        rows = layer.pop("channel_stats_rows", [])
        if file is not None:
            arrays = np.load(os.path.join(directory, file))
            for name, values in zip(rows, arrays):
                if name.startswith("histogram."):
                    layer.setdefault("histogram", {})[name.split(".")[1]] = values.tolist()
                else:
                    layer[name] = values.tolist()
        histogram = layer.get("histogram")
        if histogram and isinstance(histogram.get("counts"), str):
            counts = np.load(os.path.join(directory, histogram["counts"]))
            histogram["counts"] = counts.astype(np.int64).tolist()
    return stats
