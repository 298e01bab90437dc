#!/usr/bin/env bash
# README command 1: set up, build, and run the main job on a real model:
# all-MiniLM-L6-v2 (from PyPI) exported with torch-mlir, compressed with the
# main schemes (W8, W8A8 dynamic and static with SmoothQuant from
# calibration, W4 RTN and GPTQ, 2:4 + int8), each run with sqz-run and
# compared with PyTorch fp32 and ONNX Runtime in one table
# (examples/minilm/run.py; its options pass through, e.g. --seq-len 32).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${SQZ_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
exec /usr/bin/python3 "$root/examples/minilm/run.py" \
  --opt "$build/bin/sqz-opt" --run "$build/bin/sqz-run" \
  --workdir "$build/minilm" "$@"
