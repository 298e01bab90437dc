#!/usr/bin/env bash
# The GPU correctness run: every model and scheme of the CPU suite compiled
# for sm_90, run on an NVIDIA GPU, checked against the CPU reference.
#
#   scripts/gpu-correctness.sh prepare   on the build machine (LLVM, CUDA
#                                        toolkit): compiles the models, runs
#                                        the CPU reference, fills gpu-run/
#   scripts/gpu-correctness.sh prepare-minilm
#                                        the same for the real model (after
#                                        examples/minilm/run.py), into
#                                        gpu-run-minilm/ (it is large: its
#                                        libraries are cut into parts of 48
#                                        MiB, models/libraries.tar.xz.NN)
#   scripts/gpu-correctness.sh           on the GPU machine (python3 with
#                                        numpy, an NVIDIA driver), in a copy
#                                        of the repository holding gpu-run/
#                                        and, when prepared, gpu-run-minilm/:
#                                        runs everything, writes
#                                        bench/results/gpu_correctness.md
#                                        (or $OUT/gpu_correctness.md when
#                                        OUT is set)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${SQZ_BUILD_DIR:-$root/build}
dir=${SQZ_GPU_RUN_DIR:-$root/gpu-run}

case "${1:-run}" in
  prepare)
    "$root/scripts/setup.sh" >/dev/null
    bin=$build/bin
    /usr/bin/python3 "$root/python/gpu_correctness.py" prepare \
      --opt "$bin/sqz-opt" --run "$bin/sqz-run" --compile "$bin/sqz-compile" \
      --exec "$bin/sqz-exec" --runtime "$build/lib/libsqz_runtime.so" \
      --dir "$dir"
    ;;
  prepare-minilm)
    "$root/scripts/setup.sh" >/dev/null
    bin=$build/bin
    /usr/bin/python3 "$root/python/gpu_correctness.py" prepare \
      --opt "$bin/sqz-opt" --run "$bin/sqz-run" --compile "$bin/sqz-compile" \
      --exec "$bin/sqz-exec" --runtime "$build/lib/libsqz_runtime.so" \
      --dir "${SQZ_GPU_RUN_DIR:-$root/gpu-run-minilm}" \
      --minilm "$build/minilm" --minilm-only
    ;;
  run)
    out=${OUT:-$root/bench/results}
    mkdir -p "$out"
    dirs=()
    if [ -n "${SQZ_GPU_RUN_DIR:-}" ]; then
      dirs=(--dir "$SQZ_GPU_RUN_DIR")
    else
      for d in "$root/gpu-run" "$root/gpu-run-minilm"; do
        [ -d "$d" ] && dirs+=(--dir "$d")
      done
    fi
    python3 "$root/python/gpu_correctness.py" run "${dirs[@]}" \
      --out "$out/gpu_correctness.md"
    ;;
  *)
    echo "usage: scripts/gpu-correctness.sh [prepare|prepare-minilm|run]" >&2
    exit 2
    ;;
esac
