#!/usr/bin/env bash
# Checks Squeeze as another project uses it: installs the build into a
# temporary prefix (`cmake --install`), then, from that prefix only:
#   1. examples/downstream, an out-of-tree CMake project, finds the package
#      (find_package(Squeeze)), builds against Squeeze::SqueezeRegistration
#      and compresses examples/mlp.mlir;
#   2. the installed tools run: sqz-opt compresses, sqz-compile makes a model
#      library that the installed sqz-exec runs;
#   3. Debian's mlir-opt loads the installed plugin and runs a Squeeze pass;
#   4. the same downstream project configures with Squeeze's sources as a
#      part of it (add_subdirectory; configured only: building would build
#      Squeeze again): the target is there and gets Squeeze's headers from
#      Squeeze::SqueezeRegistration; Squeeze's tests are not there.
# Ends with `N passed, N failed`; the exit code is non-zero on a failure.
#
#   scripts/check-install.sh     (after scripts/setup.sh; $SQZ_BUILD_DIR)
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${SQZ_BUILD_DIR:-$root/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
passed=0
failed=0

check() {
  local name=$1
  shift
  if "$@" >"$work/$name.log" 2>&1; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    tail -n 20 "$work/$name.log" | sed 's/^/     /'
    failed=$((failed + 1))
  fi
}

install_tree() {
  ninja -C "$build" --quiet sqz-tools &&
    cmake --install "$build" --prefix "$prefix" &&
    test -f "$prefix/lib/cmake/Squeeze/SqueezeConfig.cmake"
}

downstream() {
  cmake -S "$root/examples/downstream" -B "$work/downstream" -G Ninja \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER=clang++-22 &&
    cmake --build "$work/downstream" &&
    "$work/downstream/compress-int4" "$root/examples/mlp.mlir" \
      >"$work/mlp.w4.mlir" &&
    # Both layers are int4 with one scale per 32 weights.
    test "$(grep -c 'sqz.pack.*#sqz.quant<i4, per_group(0, 32), symmetric>' \
      "$work/mlp.w4.mlir")" -eq 2
}

installed_tools() {
  local bin=$prefix/bin
  "$bin/sqz-opt" --version &&
    "$bin/sqz-opt" "$root/examples/mlp.mlir" \
      --sqz-quantize-weights="bits=8 granularity=channel" -o "$work/mlp.w8.mlir" &&
    "$bin/sqz-compile" "$work/mlp.w8.mlir" --target=cpu -o "$work/mlp.w8.so" &&
    "$bin/sqz-exec" "$work/mlp.w8.so" --entry mlp --random-inputs
}

plugin() {
  /usr/lib/llvm-22/bin/mlir-opt "$root/examples/mlp.mlir" \
    --load-dialect-plugin="$prefix/lib/SqueezePlugin.so" \
    --load-pass-plugin="$prefix/lib/SqueezePlugin.so" \
    --pass-pipeline="builtin.module(sqz-quantize-weights{bits=4 granularity=group group-size=64})" \
    -o "$work/plugin.mlir" &&
    grep -q 'per_group(0, 64)' "$work/plugin.mlir"
}

as_subproject() {
  cmake -S "$root/examples/downstream" -B "$work/subproject" -G Ninja \
    -DSQUEEZE_SOURCE_DIR="$root" -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DCMAKE_CXX_COMPILER=clang++-22 \
    -DCMAKE_C_COMPILER=clang-22 &&
    ninja -C "$work/subproject" -t targets all >"$work/targets" &&
    grep -q '^compress-int4:' "$work/targets" &&
    grep -q '^SqueezeRegistration:' "$work/targets" &&
    ! grep -q '^check-sqz:' "$work/targets" &&
    # Squeeze's tools and its runtime land side by side in its own build
    # directory (sqz-compile finds libsqz_runtime.so in ../lib).
    grep -q '^squeeze/bin/sqz-compile:' "$work/targets" &&
    grep -q '^squeeze/lib/libsqz_runtime.so:' "$work/targets" &&
    # The tool's compile command gets Squeeze's headers from the target.
    ninja -C "$work/subproject" -t commands compress-int4 |
    grep 'compress-int4.cpp' | grep -q -- "-I$root/include"
}

check install install_tree
check downstream downstream
check installed-tools installed_tools
check plugin plugin
check subproject as_subproject
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
