#!/usr/bin/env bash
# Sets up, builds and runs the whole Squeeze test suite (lit: regression,
# format and integration tests). The last line is `N passed, N failed` (with
# `, N skipped` when lit skipped any); the exit code is non-zero on failure.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${SQZ_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
ninja -C "$build" --quiet sqz-test-depends

results="$build/test-results.xml"
rm -f "$results"
status=0
/usr/lib/llvm-22/bin/lit -sv --xunit-xml-output="$results" "$build/test" || status=$?
/usr/bin/python3 "$root/scripts/lit-summary.py" "$results" || status=1
exit $status
