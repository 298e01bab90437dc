"""Writes the version 2 statistics files of statistics-v2.mlir into argv[1]:
good.json and one file per malformation."""

import json
import os
import sys

import numpy as np

out = sys.argv[1]
ROWS = ["min", "max", "absmax", "sumsq", "l2", "histogram.lo", "histogram.hi"]
arrays = np.array([[-1.0, -2.0, -0.5, -3.0], [1.0, 2.0, 0.5, 3.0], [1.0, 2.0, 0.5, 3.0],
                   [4.0, 9.0, 1.0, 16.0], [2.0, 3.0, 1.0, 4.0], [-2.0, -4.0, -1.0, -4.0],
                   [2.0, 4.0, 1.0, 4.0]])
counts = np.ones((4, 8), np.uint16)


def save(name, array):
    np.save(os.path.join(out, name), array)


def write(name, layer=None, version=2, **changes):
    entry = {"channels": 4, "count": 8, "channel_stats": "fc.linear0.channels.npy",
             "channel_stats_rows": ROWS,
             "histogram": {"bins": 8, "counts": "fc.linear0.counts.npy"}}
    entry.update(changes)
    with open(os.path.join(out, name), "w") as f:
        json.dump({"format": "sqz-stats", "version": version,
                   "layers": {"fc.linear0": layer or entry}}, f)


save("fc.linear0.channels.npy", arrays)
save("fc.linear0.counts.npy", counts)
write("good.json")
save("fc.linear0.short.npy", arrays[:6])
write("shape.json", channel_stats="fc.linear0.short.npy")
write("rows.json", channel_stats_rows=ROWS[:6] + ["mean"])
write("both.json", l2=[2.0, 3.0, 1.0, 4.0])
negative = arrays.copy()
negative[2, 1] = -1.0
save("fc.linear0.negative.npy", negative)
write("negative.json", channel_stats="fc.linear0.negative.npy")
write("v1file.json", version=1)
save("fc.linear0.counts-shape.npy", np.ones((4, 4), np.uint16))
write("counts.json", histogram={"bins": 8, "counts": "fc.linear0.counts-shape.npy"})
empty = counts.copy()
empty[1] = 0
save("fc.linear0.counts-empty.npy", empty)
write("empty.json", histogram={"bins": 8, "counts": "fc.linear0.counts-empty.npy"})
