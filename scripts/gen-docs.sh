#!/usr/bin/env bash
# Regenerates the reference pages (dialect, ops, attributes, types, passes)
# from the ODS definitions into docs/reference/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${SQZ_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh" >/dev/null
ninja -C "$build" --quiet mlir-doc
rm -rf "$root/docs/reference"
mkdir -p "$root/docs/reference"
cp -r "$build/docs/Sqz" "$root/docs/reference/"
echo "gen-docs: wrote $(find "$root/docs/reference" -name '*.md' | wc -l) pages to docs/reference"
