#!/usr/bin/env bash
# README command 1: set up, build, and run the main job on the shipped
# example model: quantize the MLP's weights to int4 per group and print the
# compressed IR (large constants elided).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${SQZ_BUILD_DIR:-$root/build}
model=${1:-$root/examples/mlp.mlir}

"$root/scripts/setup.sh"

echo "== $model, weights quantized to int4, per group of 128 along K =="
"$build/bin/sqz-opt" "$model" \
  --sqz-quantize-weights="bits=4 granularity=group group-size=128" \
  --canonicalize --mlir-elide-elementsattrs-if-larger=16
