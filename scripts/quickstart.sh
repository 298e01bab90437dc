#!/usr/bin/env bash
# README command 1: set up, build, and run the main job on the shipped example
# model: compress the MLP's weights with several schemes (int8 per channel,
# W8A8 with folded scales, int4 per group and per channel), JIT-run each on
# the same seeded inputs, and report size before/after, error vs fp32 and
# time.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${SQZ_BUILD_DIR:-$root/build}
model=${1:-$root/examples/mlp.mlir}
entry=${2:-mlp}

"$root/scripts/setup.sh"

echo "== $model, weights quantized to int4 per group of 128 (IR, constants elided) =="
"$build/bin/sqz-opt" "$model" \
  --sqz-quantize-weights="bits=4 granularity=group group-size=128" \
  --mlir-elide-elementsattrs-if-larger=16
echo
/usr/bin/python3 "$root/python/compress_example.py" "$model" --entry "$entry" \
  --opt "$build/bin/sqz-opt" --run "$build/bin/sqz-run" \
  --workdir "$build/examples"
