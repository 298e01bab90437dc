# -*- Python -*-
# lit configuration of the Squeeze regression and integration tests.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "Squeeze"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.sqz_obj_root, "test")
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "Inputs"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%sqz_src_root", config.sqz_src_root))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(
    ("%sqz_lib_dir", os.path.join(config.sqz_obj_root, "lib")))
# Inline `%python -c` checks import the project's helpers (sqz_stats, ...).
config.environment["PYTHONPATH"] = os.path.join(config.sqz_src_root, "python")
config.substitutions.append(
    ("%clang_format", os.path.join(config.llvm_tools_dir, "clang-format")))

# No progress reports from the tools (sqz/Support/Progress.h): they depend on
# timing; test/Tools/progress.test turns them on deterministically.
config.environment["SQZ_PROGRESS"] = "off"

# The sanitizer options of `scripts/test.sh --sanitize` reach the tools.
llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP",
                                     "ASAN_OPTIONS", "UBSAN_OPTIONS"])
llvm_config.use_default_substitutions()

# Our tools first, then LLVM's (FileCheck, not, mlir-opt for cross-checks).
tool_dirs = [config.sqz_tools_dir, config.llvm_tools_dir]
tools = [
    "sqz-opt",
    "sqz-run",
    "sqz-kernel-check",
    "sqz-compile",
    "sqz-exec",
    "sqz-lsp-server",
    "sqz-reduce",
    ToolSubst("mlir-opt", unresolved="ignore"),
    ToolSubst("mlir-translate", unresolved="ignore"),
    ToolSubst("llvm-nm", unresolved="ignore"),
    ToolSubst("clang", unresolved="ignore"),
    "not",
    "count",
]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# Tools built with AddressSanitizer: an instrumented plugin cannot load into
# the uninstrumented upstream mlir-opt.
if config.sqz_sanitize:
    config.available_features.add("sanitizer")

# The host CPU's instruction sets, for tests that execute the kernels of one
# (`REQUIRES: cpu-avx2`, `cpu-avx512vnni`): the CPU GEMM kernels are chosen
# from the host when sqz-run compiles.
def _host_cpu_flags():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


_flags = _host_cpu_flags()
if {"avx2", "fma"} <= _flags:
    config.available_features.add("cpu-avx2")
if {"avx512f", "avx512bw", "avx512vl", "avx512dq"} <= _flags:
    config.available_features.add("cpu-avx512")
    if "avx512_vnni" in _flags:
        config.available_features.add("cpu-avx512vnni")

# The real-model test needs the MiniLM example's virtual environment (torch,
# transformers, torch-mlir from PyPI), which `.ci/run` and
# `examples/minilm/run.py --setup-only` create.
minilm_venv = os.path.join(config.sqz_src_root, "examples", "minilm", ".venv")
if os.path.exists(os.path.join(minilm_venv, "requirements.sha256")):
    config.available_features.add("minilm-venv")

# GPU code: `ptxas` (a CUDA toolkit, $CUDA_HOME or /usr/local/cuda) assembles
# the kernels into cubins here, without a GPU; `cuda` is a machine with an
# NVIDIA driver, where compiled GPU models run.
cuda_home = os.environ.get("CUDA_HOME") or "/usr/local/cuda"
if os.access(os.path.join(cuda_home, "bin", "ptxas"), os.X_OK):
    config.available_features.add("ptxas")
    config.substitutions.append(("%cuda_home", cuda_home))
if any(os.path.exists(os.path.join(d, "libcuda.so.1"))
       for d in ("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/local/nvidia/lib64")):
    config.available_features.add("cuda")
llvm_config.with_system_environment(["CUDA_HOME"])

# cuobjdump lists the SASS of compiled kernels: the toolkit's, or PyPI's in
# the venv that scripts/setup.sh makes beside the build.
import glob
cuobjdump = [os.path.join(cuda_home, "bin", "cuobjdump")] + sorted(glob.glob(
    os.path.join(config.sqz_obj_root, "cuda-tools-venv", "lib", "python3*",
                 "site-packages", "nvidia", "*", "bin", "cuobjdump")))
cuobjdump = [path for path in cuobjdump if os.access(path, os.X_OK)]
if cuobjdump:
    config.available_features.add("cuobjdump")
    config.substitutions.append(("%cuobjdump", cuobjdump[0]))
