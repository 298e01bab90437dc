"""Runs the exported model.onnx with ONNX Runtime, in fp32 and after ORT's
own dynamic int8 quantization (`quantize_dynamic` with its defaults), on the
evaluation inputs: the peers of the MiniLM table.

Runs inside run.py's virtual environment. Writes into WORKDIR/ort/:
fp32/out0.npy, out1.npy, int8/out0.npy, out1.npy, model.int8.onnx and
ort.json (median times in ms, version, threads, sizes).

Usage (in the venv): python onnxruntime_run.py --workdir DIR [--repeat N] [--threads N]
"""

import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
import onnxruntime as ort
from onnxruntime.quantization import quantize_dynamic


def run(model: str, feeds: dict, repeat: int, threads: int):
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    inference = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    outputs = inference.run(None, feeds)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        inference.run(None, feeds)
        times.append((time.perf_counter() - start) * 1e3)
    return outputs, statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()

    fp32_model = os.path.join(args.workdir, "model.onnx")
    out = os.path.join(args.workdir, "ort")
    os.makedirs(out, exist_ok=True)
    int8_model = os.path.join(out, "model.int8.onnx")
    quantize_dynamic(fp32_model, int8_model)
    feeds = {"input_ids": np.load(os.path.join(args.workdir, "eval", "in0.npy")),
             "attention_mask": np.load(os.path.join(args.workdir, "eval", "in1.npy"))}
    result = {"version": ort.__version__, "threads": args.threads, "repeat": args.repeat}
    for name, model in [("fp32", fp32_model), ("int8", int8_model)]:
        outputs, ms = run(model, feeds, args.repeat, args.threads)
        os.makedirs(os.path.join(out, name), exist_ok=True)
        for index, array in enumerate(outputs):
            np.save(os.path.join(out, name, f"out{index}.npy"), array)
        result[name] = {"ms": ms, "bytes": os.path.getsize(model)}
    with open(os.path.join(out, "ort.json"), "w") as f:
        json.dump(result, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
