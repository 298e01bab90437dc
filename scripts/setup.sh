#!/usr/bin/env bash
# Sets up a Debian 12 machine for Squeeze and builds it. Idempotent: a second
# run installs nothing and rebuilds only what changed.
#
#   scripts/setup.sh            install packages, configure, build
#   SQZ_BUILD_DIR=dir ...       build somewhere other than ./build
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${SQZ_BUILD_DIR:-$root/build}

packages=(
  cmake ninja-build ccache git
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22 lld-22
  clang-format-22
  python3 python3-numpy
)

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

llvm=/usr/lib/llvm-22
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DMLIR_DIR=$llvm/lib/cmake/mlir \
    -DCMAKE_C_COMPILER=$llvm/bin/clang \
    -DCMAKE_CXX_COMPILER=$llvm/bin/clang++ \
    -DLLVM_USE_LINKER=lld \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DLLVM_EXTERNAL_LIT=$llvm/bin/lit \
    -DSQZ_WERROR=ON >/dev/null
fi
echo "setup: building in $build"
ninja -C "$build" --quiet sqz-tools
