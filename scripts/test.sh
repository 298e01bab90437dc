#!/usr/bin/env bash
# Sets up, builds and runs the whole Squeeze test suite (lit: regression,
# format and integration tests). The last line is `N passed, N failed` (with
# `, N skipped` when lit skipped any); the exit code is non-zero on failure.
#
#   scripts/test.sh              the Release build in ./build ($SQZ_BUILD_DIR)
#   scripts/test.sh --sanitize   the same suite on sqz-opt and sqz-run built
#                                with ASan and UBSan in ./build-sanitize
#                                ($SQZ_SANITIZE_BUILD_DIR); any sanitizer
#                                report fails the test that triggered it
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sanitize=0
case "${1:-}" in
  --sanitize) sanitize=1 ;;
  "") ;;
  *) echo "usage: scripts/test.sh [--sanitize]" >&2; exit 2 ;;
esac

if [ $sanitize -eq 1 ]; then
  build=${SQZ_SANITIZE_BUILD_DIR:-$root/build-sanitize}
  "$root/scripts/setup.sh" --sanitize
  symbolizer=/usr/lib/llvm-22/bin/llvm-symbolizer
  # allow_user_poisoning=0: libMLIR is not instrumented, and the inline
  # BumpPtrAllocator code compiled into our objects poisons slabs that
  # libMLIR then allocates from: false use-after-poison reports otherwise.
  # Real use-after-free and overflow reports still come.
  # detect_leaks=0: with leak detection on, the suite's only report is
  # upstream's: in Integration/export-sparse-tensor.mlir, code lowered by
  # upstream's --sparsifier allocates sparse tensor storage through
  # libmlir_c_runner_utils (not instrumented) and never frees it. Nothing
  # of ours leaks, and a failing report we cannot fix would hide the rest.
  # abort_on_error=1: a report ends the process with SIGABRT rather than
  # exit code 1, so that `not sqz-opt ...` (which expects a plain failure)
  # fails the test instead of passing it.
  export ASAN_OPTIONS=allow_user_poisoning=0:detect_leaks=0:abort_on_error=1:external_symbolizer_path=$symbolizer
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1:external_symbolizer_path=$symbolizer
else
  build=${SQZ_BUILD_DIR:-$root/build}
  "$root/scripts/setup.sh"
fi
ninja -C "$build" --quiet sqz-test-depends

results="$build/test-results.xml"
rm -f "$results"
status=0
/usr/lib/llvm-22/bin/lit -sv --xunit-xml-output="$results" "$build/test" || status=$?
/usr/bin/python3 "$root/scripts/lit-summary.py" "$results" || status=1
exit $status
