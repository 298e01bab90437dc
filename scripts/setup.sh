#!/usr/bin/env bash
# Sets up a Debian 12 machine for Squeeze and builds it. Idempotent: a second
# run installs nothing and rebuilds only what changed.
#
#   scripts/setup.sh            install packages, configure, build
#   SQZ_BUILD_DIR=dir ...       build somewhere other than ./build
#   scripts/setup.sh --sanitize configure and build the sanitizer and fuzzer
#                               build (ASan + UBSan, libFuzzer coverage) in
#                               ./build-sanitize, or $SQZ_SANITIZE_BUILD_DIR
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sanitize=0
case "${1:-}" in
  --sanitize) sanitize=1 ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--sanitize]" >&2; exit 2 ;;
esac
if [ $sanitize -eq 1 ]; then
  build=${SQZ_SANITIZE_BUILD_DIR:-$root/build-sanitize}
else
  build=${SQZ_BUILD_DIR:-$root/build}
fi

packages=(
  cmake ninja-build ccache git
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22 lld-22
  clang-format-22 libclang-rt-22-dev
  python3 python3-numpy python3-venv
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
common=(
  -DMLIR_DIR=$llvm/lib/cmake/mlir
  -DCMAKE_C_COMPILER=$llvm/bin/clang
  -DCMAKE_CXX_COMPILER=$llvm/bin/clang++
  -DLLVM_USE_LINKER=lld
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
  -DLLVM_EXTERNAL_LIT=$llvm/bin/lit
)
if [ ! -f "$build/build.ninja" ]; then
  if [ $sanitize -eq 1 ]; then
    # -O1 with line tables: the sanitizers' usual trade-off between run time,
    # build time and readable stack traces. Assertions on: a fuzzer or a
    # test should stop at the first broken invariant.
    cmake -G Ninja -S "$root" -B "$build" "${common[@]}" \
      -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_FLAGS_RELEASE="-O1 -gline-tables-only" \
      -DCMAKE_CXX_FLAGS_RELEASE="-O1 -gline-tables-only" \
      -DLLVM_ENABLE_ASSERTIONS=ON \
      -DSQZ_SANITIZE=ON -DSQZ_FUZZ=ON >/dev/null
  else
    cmake -G Ninja -S "$root" -B "$build" "${common[@]}" \
      -DCMAKE_BUILD_TYPE=Release \
      -DSQZ_WERROR=ON >/dev/null
  fi
fi
echo "setup: building in $build"
ninja -C "$build" --quiet sqz-tools

# With a CUDA toolkit (ptxas) the GPU tests also inspect the SASS of
# compiled kernels: CUDA's cuobjdump comes from PyPI when the toolkit lacks
# it (with the nvdisasm it runs), into a venv beside the build.
cuda_home=${CUDA_HOME:-/usr/local/cuda}
tools_venv=$build/cuda-tools-venv
if [ -x "$cuda_home/bin/ptxas" ] && [ ! -x "$cuda_home/bin/cuobjdump" ] &&
   [ ! -f "$tools_venv/.installed" ]; then
  echo "setup: installing cuobjdump and nvdisasm (PyPI) into $tools_venv"
  if /usr/bin/python3 -m venv "$tools_venv" &&
     "$tools_venv/bin/pip" install -q nvidia-cuda-cuobjdump nvidia-cuda-nvdisasm; then
    touch "$tools_venv/.installed"
  else
    echo "setup: warning: could not install cuobjdump; the SASS tests are skipped" >&2
  fi
fi
