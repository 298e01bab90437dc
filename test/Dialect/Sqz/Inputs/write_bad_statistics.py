"""Writes a valid statistics file for layer fc1 (2 channels) and copies of it
broken in one way each, into the directory given as the only argument."""

import copy
import json
import os
import sys

out = sys.argv[1]
good = {
    "format": "sqz-stats",
    "version": 1,
    "layers": {
        "fc1": {
            "channels": 2,
            "count": 4,
            "min": [-1.0, -2.0],
            "max": [1.0, 2.0],
            "absmax": [1.0, 2.0],
            "sumsq": [2.0, 8.0],
            "l2": [1.4142135623730951, 2.8284271247461903],
            "histogram": {
                "bins": 4,
                "lo": [-2.0, -2.0],
                "hi": [2.0, 2.0],
                "counts": [[1, 1, 1, 1], [2, 0, 0, 2]],
            },
        }
    },
}


def write(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)


def broken(name, change):
    stats = copy.deepcopy(good)
    change(stats["layers"]["fc1"])
    write(name, json.dumps(stats))


write("good.json", json.dumps(good))
write("deep.json", '{"format": "sqz-stats", "x": ' + "[" * 50000 + "]" * 50000 + "}")
text = json.dumps(good)
layer = json.dumps(good["layers"]["fc1"])
write("dup-layer.json", text.replace('"layers": {', '"layers": {"fc1": ' + layer + ", "))
write("dup-field.json", text.replace('"channels": 2,', '"channels": 2, "l2": [1, 1],'))
write("dup-bins.json", text.replace('"bins": 4,', '"bins": 4, "bins": 4,'))
write("dup-top.json", text.replace('"version": 1,', '"version": 1, "version": 1,'))
broken("min-above-max.json", lambda l: l.update({"min": [-1.0, 2.0], "max": [1.0, 1.0]}))
broken("empty-range.json", lambda l: l["histogram"].update({"lo": [1.0, -2.0], "hi": [1.0, 2.0]}))
broken("reversed-range.json", lambda l: l["histogram"].update({"lo": [-2.0, 2.0], "hi": [2.0, -2.0]}))
broken("zero-counts.json", lambda l: l["histogram"].update({"counts": [[1, 1, 1, 1], [0, 0, 0, 0]]}))
