#!/usr/bin/python3
"""Benchmark: Squeeze's CPU code against peer libraries on single linear layers.

y[M, N] = x[M, K] @ W with W a constant [K, N] weight, for

  GEMM  M=128, K=N=1024  and  M=128, K=N=4096
  GEMV  M=1,   K=N=4096  and  M=1,   K=4096, N=11008
  (--layers small: 128x256x256 and 1x256x256, for smoke tests)

Squeeze schemes (the layer as torch-mlir emits it, compressed by sqz-opt and
timed by `sqz-run --repeat`): fp32, W8 (weight-only int8 per channel), W8A8
(dynamic per-token int8 activations), W4 g128 (weight-only), 2:4 f32 and
2:4 + W8A8.

Peers: numpy/OpenBLAS fp32; ONNX Runtime (MatMul, DynamicQuantizeLinear ->
MatMulInteger, DynamicQuantizeMatMul, MatMulNBits 4 and 8 bit); IREE
(llvm-cpu, data tiling: f32 matmul, i8 x i8 -> i32 matmul, and the whole
W8A8 layer); oneDNN (f32 and u8 x s8 matmul, bench/peers/onednn_matmul.cpp).
Machine limits (read bandwidth, FMA and int8 peaks of one core) come from
bench/peers/machine_limits.cpp.

All of them are timed in the same invocation, interleaved in rounds: in round
r every implementation of every layer runs once (a fresh process that times
--repeat calls and reports their median); the table gives the median and the
minimum over the rounds of these medians.

The first run creates bench/.venv (onnxruntime, iree-base-compiler,
iree-base-runtime, numpy, threadpoolctl, matplotlib, onnx from PyPI) and
installs libdnnl-dev with apt-get if it is missing; the script then re-runs
itself with the virtual environment's Python.

Usage:
  /usr/bin/python3 bench/cpu_kernels.py --opt build/bin/sqz-opt --run build/bin/sqz-run \\
      [--rounds 3] [--repeat 20] [--threads 1,all] [--layers all|gemm|gemv|small|NAME,...] \\
      [--schemes fp32,w8,w8a8,w4,2:4,2:4+w8a8] [--peers squeeze,numpy,ort,iree,onednn] \\
      --out bench/results/cpu_kernels.md
"""

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VENV = os.path.join(HERE, ".venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
OUT_DIR = os.path.join(HERE, "out")
WORK_DIR = os.path.join(OUT_DIR, "cpu_kernels")
VERSIONS_FILE = os.path.join(VENV, "cpu_kernels-packages.json")

# Wanted versions: if the exact series is not on PyPI, the newest release of
# the same major version is taken (and the table says so).
PACKAGES = [
    ("onnxruntime", "1.31.*", "1"),
    ("iree-base-compiler", "3.13.*", "3"),
    ("iree-base-runtime", "3.13.*", "3"),
    ("numpy", None, None),
    ("threadpoolctl", None, None),
    ("matplotlib", None, None),
    ("onnx", None, None),
]
IMPORTS = ["onnxruntime", "iree.compiler", "iree.runtime", "numpy", "threadpoolctl",
           "matplotlib", "onnx"]

LAYERS = {
    # name: (M, K, N)
    "gemm128x1024x1024": (128, 1024, 1024),
    "gemm128x4096x4096": (128, 4096, 4096),
    "gemv1x4096x4096": (1, 4096, 4096),
    "gemv1x4096x11008": (1, 4096, 11008),
    "small_gemm128x256x256": (128, 256, 256),
    "small_gemv1x256x256": (1, 256, 256),
}
LAYER_SETS = {
    "all": ["gemm128x1024x1024", "gemm128x4096x4096", "gemv1x4096x4096", "gemv1x4096x11008"],
    "gemm": ["gemm128x1024x1024", "gemm128x4096x4096"],
    "gemv": ["gemv1x4096x4096", "gemv1x4096x11008"],
    "small": ["small_gemm128x256x256", "small_gemv1x256x256"],
}

SCHEMES = {
    # key: (title, integer arithmetic)
    "fp32": ("fp32", False),
    "w8": ("W8 weight-only (per channel)", False),
    "w8a8": ("W8A8 (dynamic int8 activations)", True),
    "w4": ("W4 g128 weight-only", False),
    "2:4": ("2:4 f32", False),
    "2:4+w8a8": ("2:4 + W8A8", True),
}
W8 = "--sqz-quantize-weights=bits=8 granularity=channel"
A8 = ["--sqz-quantize-activations=mode=dynamic granularity=token", "--sqz-fold-scales"]
PRUNE = "--sqz-prune=pattern=nm n=2 m=4"
# Squeeze: the passes that compress the weight (the report is taken after
# them), then the passes that quantize the activations.
SQZ_PIPELINES = {
    "fp32": ([], []),
    "w8": ([W8], []),
    "w8a8": ([W8], A8),
    "w4": (["--sqz-quantize-weights=bits=4 granularity=group group-size=128"], []),
    "2:4": ([PRUNE], []),
    "2:4+w8a8": ([PRUNE, W8], A8),
}
PEERS = ["squeeze", "numpy", "ort", "iree", "onednn"]
# Weight-only schemes that Squeeze also runs with int8 activations.
INT8_COMPUTE_SCHEMES = ("w8", "w4")
INT8_COMPUTE_FLAG = "--weight-only-compute=int8"

IREE_FLAGS = [
    "--iree-hal-target-device=local",
    "--iree-hal-local-target-device-backends=llvm-cpu",
    "--iree-llvmcpu-target-cpu=host",
    "--iree-opt-data-tiling=true",
]
SUBPROCESS_TIMEOUT = 1800


# ---------------------------------------------------------------------------
# Environment: virtual environment, Debian packages, peer programs.

def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def venv_ready() -> bool:
    if not os.path.exists(VENV_PYTHON):
        return False
    probe = "import " + ", ".join(IMPORTS)
    return subprocess.run([VENV_PYTHON, "-c", probe], capture_output=True).returncode == 0


def newest_release(pip: list, name: str, major: str) -> str:
    """The newest version of `name` on the index with the given major version."""
    result = subprocess.run(pip + ["index", "versions", name], capture_output=True, text=True)
    match = re.search(r"Available versions: (.*)", result.stdout)
    if not match:
        raise RuntimeError(f"pip index versions {name} failed: {result.stderr.strip()}")
    for version in (v.strip() for v in match.group(1).split(",")):
        if version.split(".")[0] == major and re.fullmatch(r"[0-9.]+", version):
            return version
    raise RuntimeError(f"no {major}.x release of {name} on the index")


def ensure_venv() -> None:
    if venv_ready():
        return
    log(f"creating {VENV} (first run)")
    if not os.path.exists(VENV_PYTHON):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    pip = [VENV_PYTHON, "-m", "pip"]
    notes = {}
    specs = []
    for name, wanted, major in PACKAGES:
        if wanted is None:
            specs.append(name)
            continue
        # Does the wanted series exist? (pip download --no-deps would fetch it;
        # asking the index is enough.)
        probe = subprocess.run(pip + ["index", "versions", name], capture_output=True, text=True)
        prefix = wanted.rstrip("*")
        available = re.search(r"Available versions: (.*)", probe.stdout)
        if available and any(v.strip().startswith(prefix) for v in available.group(1).split(",")):
            specs.append(f"{name}=={wanted}")
        else:
            version = newest_release(pip, name, major)
            specs.append(f"{name}=={version}")
            notes[name] = f"{name} {wanted} is not on the index; took the newest {major}.x, {version}"
            log(notes[name])
    subprocess.run(pip + ["install", "--quiet"] + specs, check=True)
    with open(VERSIONS_FILE, "w") as out:
        json.dump({"specs": specs, "notes": notes}, out, indent=1)


def ensure_debian_packages() -> str:
    """Installs libdnnl-dev if missing; returns an error line or ''."""
    status = subprocess.run(["dpkg", "-s", "libdnnl-dev"], capture_output=True, text=True)
    if status.returncode == 0 and "Status: install ok installed" in status.stdout:
        return ""
    log("installing libdnnl-dev with apt-get")
    prefix = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
    if prefix is None:
        return "libdnnl-dev is missing, and this is not root and there is no sudo"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    result = subprocess.run(prefix + ["apt-get", "install", "-y", "-q", "libdnnl-dev"],
                            capture_output=True, text=True, env=env)
    if result.returncode != 0:
        subprocess.run(prefix + ["apt-get", "update", "-q"], capture_output=True, env=env)
        result = subprocess.run(prefix + ["apt-get", "install", "-y", "-q", "libdnnl-dev"],
                                capture_output=True, text=True, env=env)
    if result.returncode != 0:
        return "apt-get install libdnnl-dev failed: " + first_error_line(result.stderr)
    return ""


def build_program(name: str, flags: list) -> tuple:
    """g++-builds bench/peers/NAME.cpp into bench/out/NAME; returns (path, error)."""
    source = os.path.join(HERE, "peers", name + ".cpp")
    binary = os.path.join(OUT_DIR, name)
    os.makedirs(OUT_DIR, exist_ok=True)
    if os.path.exists(binary) and os.path.getmtime(binary) >= os.path.getmtime(source):
        return binary, ""
    command = ["g++", "-O2", "-march=native", "-o", binary, source] + flags
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        return None, "build failed: " + first_error_line(result.stderr)
    return binary, ""


def first_error_line(text: str) -> str:
    """The line of a tool's output that says what went wrong: a Python
    exception's last line, else the first line that mentions an error."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    line = None
    if any(l.startswith("Traceback") for l in lines):
        line = lines[-1]
    else:
        for candidate in lines:
            if re.search(r"error|fail|exception", candidate, re.IGNORECASE):
                line = candidate
                break
    line = line or (lines[-1] if lines else "(no output)")
    return line if len(line) <= 300 else "..." + line[-297:]


# ---------------------------------------------------------------------------
# Threads and process environment.

def thread_env(threads: int) -> tuple:
    """(command prefix, environment) of a process that may use `threads` threads."""
    env = dict(os.environ)
    for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        env.pop(key, None)
    for key in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[key] = str(threads)
    prefix = ["taskset", "-c", "0"] if threads == 1 else []
    return prefix, env


# ---------------------------------------------------------------------------
# Models.

def hex_literal(array) -> str:
    import numpy as np
    return '"0x' + np.ascontiguousarray(array).tobytes().hex().upper() + '"'


def layer_weight(m: int, k: int, n: int):
    import numpy as np
    rng = np.random.default_rng(1000 * k + n)
    return (rng.standard_normal((k, n), dtype=np.float32) / np.float32(np.sqrt(k))).astype(np.float32)


def quantize_per_channel(w):
    """Symmetric int8 per output channel (column of [K, N]): codes, scales."""
    import numpy as np
    scales = (np.abs(w).max(axis=0) / 127.0).astype(np.float32)
    scales[scales == 0] = 1.0
    codes = np.clip(np.rint(w / scales), -127, 127).astype(np.int8)
    return codes, scales


def torch_mlir_module(m: int, k: int, n: int, w) -> str:
    """The layer as torch-mlir's importer emits it: an [N, K] constant,
    transposed to [K, N], a zero fill and linalg.matmul."""
    return (
        f"func.func @forward(%x: tensor<{m}x{k}xf32>) -> tensor<{m}x{n}xf32> {{\n"
        f"  %w = arith.constant dense<{hex_literal(w.T)}> : tensor<{n}x{k}xf32>\n"
        f"  %empty_t = tensor.empty() : tensor<{k}x{n}xf32>\n"
        f"  %wt = linalg.transpose ins(%w : tensor<{n}x{k}xf32>) outs(%empty_t : tensor<{k}x{n}xf32>) permutation = [1, 0]\n"
        f"  %zero = arith.constant 0.000000e+00 : f32\n"
        f"  %empty = tensor.empty() : tensor<{m}x{n}xf32>\n"
        f"  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<{m}x{n}xf32>) -> tensor<{m}x{n}xf32>\n"
        f"  %y = linalg.matmul ins(%x, %wt : tensor<{m}x{k}xf32>, tensor<{k}x{n}xf32>) outs(%fill : tensor<{m}x{n}xf32>) -> tensor<{m}x{n}xf32>\n"
        f"  return %y : tensor<{m}x{n}xf32>\n"
        f"}}\n")


def iree_i8_module(m: int, k: int, n: int, codes) -> str:
    """i8 x i8 -> i32 matmul on a constant [K, N] i8 weight (activations come
    in quantized)."""
    return (
        f"func.func @forward(%x: tensor<{m}x{k}xi8>) -> tensor<{m}x{n}xi32> {{\n"
        f"  %w = arith.constant dense<{hex_literal(codes)}> : tensor<{k}x{n}xi8>\n"
        f"  %zero = arith.constant 0 : i32\n"
        f"  %empty = tensor.empty() : tensor<{m}x{n}xi32>\n"
        f"  %fill = linalg.fill ins(%zero : i32) outs(%empty : tensor<{m}x{n}xi32>) -> tensor<{m}x{n}xi32>\n"
        f"  %y = linalg.matmul ins(%x, %w : tensor<{m}x{k}xi8>, tensor<{k}x{n}xi8>) outs(%fill : tensor<{m}x{n}xi32>) -> tensor<{m}x{n}xi32>\n"
        f"  return %y : tensor<{m}x{n}xi32>\n"
        f"}}\n")


def iree_w8a8_module(m: int, k: int, n: int, codes, scales) -> str:
    """The whole dynamic W8A8 layer: per-token absmax, quantize to i8 (round
    half to even, clamp to [-127, 127]), i8 x i8 -> i32 matmul, scale back."""
    return f"""#mk = affine_map<(m, k) -> (m, k)>
#m_of_mk = affine_map<(m, k) -> (m)>
#mn = affine_map<(m, n) -> (m, n)>
#m_of_mn = affine_map<(m, n) -> (m)>
#n_of_mn = affine_map<(m, n) -> (n)>
func.func @forward(%x: tensor<{m}x{k}xf32>) -> tensor<{m}x{n}xf32> {{
  %w = arith.constant dense<{hex_literal(codes)}> : tensor<{k}x{n}xi8>
  %sw = arith.constant dense<{hex_literal(scales)}> : tensor<{n}xf32>
  %zero = arith.constant 0.000000e+00 : f32
  %empty_m = tensor.empty() : tensor<{m}xf32>
  %init_m = linalg.fill ins(%zero : f32) outs(%empty_m : tensor<{m}xf32>) -> tensor<{m}xf32>
  %absmax = linalg.generic {{indexing_maps = [#mk, #m_of_mk], iterator_types = ["parallel", "reduction"]}}
      ins(%x : tensor<{m}x{k}xf32>) outs(%init_m : tensor<{m}xf32>) {{
    ^bb0(%a: f32, %acc: f32):
      %abs = math.absf %a : f32
      %max = arith.maximumf %acc, %abs : f32
      linalg.yield %max : f32
  }} -> tensor<{m}xf32>
  %empty_q = tensor.empty() : tensor<{m}x{k}xi8>
  %q = linalg.generic {{indexing_maps = [#mk, #m_of_mk, #mk], iterator_types = ["parallel", "parallel"]}}
      ins(%x, %absmax : tensor<{m}x{k}xf32>, tensor<{m}xf32>) outs(%empty_q : tensor<{m}x{k}xi8>) {{
    ^bb0(%a: f32, %amax: f32, %unused_q: i8):
      %c127 = arith.constant 1.270000e+02 : f32
      %cm127 = arith.constant -1.270000e+02 : f32
      %tiny = arith.constant 1.000000e-30 : f32
      %d = arith.maximumf %amax, %tiny : f32
      %inv = arith.divf %c127, %d : f32
      %s = arith.mulf %a, %inv : f32
      %r = math.roundeven %s : f32
      %hi = arith.minimumf %r, %c127 : f32
      %lo = arith.maximumf %hi, %cm127 : f32
      %i = arith.fptosi %lo : f32 to i8
      linalg.yield %i : i8
  }} -> tensor<{m}x{k}xi8>
  %izero = arith.constant 0 : i32
  %empty_acc = tensor.empty() : tensor<{m}x{n}xi32>
  %fill = linalg.fill ins(%izero : i32) outs(%empty_acc : tensor<{m}x{n}xi32>) -> tensor<{m}x{n}xi32>
  %acc = linalg.matmul ins(%q, %w : tensor<{m}x{k}xi8>, tensor<{k}x{n}xi8>) outs(%fill : tensor<{m}x{n}xi32>) -> tensor<{m}x{n}xi32>
  %empty_y = tensor.empty() : tensor<{m}x{n}xf32>
  %y = linalg.generic {{indexing_maps = [#mn, #m_of_mn, #n_of_mn, #mn], iterator_types = ["parallel", "parallel"]}}
      ins(%acc, %absmax, %sw : tensor<{m}x{n}xi32>, tensor<{m}xf32>, tensor<{n}xf32>) outs(%empty_y : tensor<{m}x{n}xf32>) {{
    ^bb0(%a: i32, %amax: f32, %s: f32, %unused_y: f32):
      %c127 = arith.constant 1.270000e+02 : f32
      %sx = arith.divf %amax, %c127 : f32
      %af = arith.sitofp %a : i32 to f32
      %t = arith.mulf %af, %sx : f32
      %u = arith.mulf %t, %s : f32
      linalg.yield %u : f32
  }} -> tensor<{m}x{n}xf32>
  return %y : tensor<{m}x{n}xf32>
}}
"""


def onnx_model(nodes, initializers, m: int, k: int, n: int, contrib: bool):
    from onnx import TensorProto, helper
    graph = helper.make_graph(
        nodes, "layer",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [m, k])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [m, n])],
        initializers)
    opsets = [helper.make_opsetid("", 17)]
    if contrib:
        opsets.append(helper.make_opsetid("com.microsoft", 1))
    model = helper.make_model(graph, opset_imports=opsets, producer_name="bench/cpu_kernels.py")
    model.ir_version = 8
    return model


def pack_nbits(w, bits: int, block: int):
    """MatMulNBits weight: B [N, K/block, block*bits/8] uint8, codes unsigned
    with the default zero point 2^(bits-1), 4-bit codes packed two to a byte,
    the lower K index in the low nibble; scales [N * K/block] f32 (row major
    [N, K/block])."""
    import numpy as np
    k, n = w.shape
    blocks = k // block
    wb = w.T.reshape(n, blocks, block)
    half = 1 << (bits - 1)
    scales = (np.abs(wb).max(axis=2) / (half - 1)).astype(np.float32)
    scales[scales == 0] = 1.0
    codes = (np.clip(np.rint(wb / scales[..., None]), -half, half - 1) + half).astype(np.uint8)
    if bits == 4:
        packed = (codes[..., 0::2] | (codes[..., 1::2] << 4)).astype(np.uint8)
    else:
        packed = codes
    return packed, scales.reshape(-1)


def unpack_nbits(packed, scales, bits: int, block: int, k: int, n: int):
    """Independent numpy reading of the MatMulNBits layout: the dequantized
    [K, N] weight."""
    import numpy as np
    if bits == 4:
        codes = np.empty(packed.shape[:2] + (block,), dtype=np.int32)
        codes[..., 0::2] = packed & 0x0F
        codes[..., 1::2] = packed >> 4
    else:
        codes = packed.astype(np.int32)
    values = (codes - (1 << (bits - 1))).astype(np.float32) * scales.reshape(n, k // block)[..., None]
    return values.reshape(n, k).T


# ---------------------------------------------------------------------------
# Implementations of one layer.

class Impl:
    def __init__(self, layer, peer, scheme, label, kind, weight_bytes, **spec):
        self.layer = layer
        self.peer = peer
        self.scheme = scheme
        self.label = label
        self.kind = kind          # how it is run (see measure())
        self.weight_bytes = weight_bytes
        self.spec = spec
        self.error = ""           # set when building or running fails
        self.medians = {}         # threads -> [per-round median ms]
        self.errors = {}          # threads -> error line
        self.relerr = None        # relative L2 error against x @ W (fp32)
        self.check = ""           # layout/numerics check against its own reference
        self.info = ""


def prepare_layer(name: str, args, peers: list, schemes: list, sqz_threads_flag: bool):
    import numpy as np
    m, k, n = LAYERS[name]
    directory = os.path.join(WORK_DIR, name)
    os.makedirs(directory, exist_ok=True)
    w = layer_weight(m, k, n)
    w_path = os.path.join(directory, "w.npy")
    np.save(w_path, w)
    codes, scales = quantize_per_channel(w)
    np.save(os.path.join(directory, "w8_codes.npy"), codes)
    np.save(os.path.join(directory, "w8_scales.npy"), scales)
    impls = []
    fp32_bytes = 4 * k * n
    common = dict(m=m, k=k, n=n, w=w_path, dir=directory)

    fp32_text = os.path.join(directory, "fp32.mlir")
    if "squeeze" in peers or "iree" in peers:
        with open(fp32_text, "w") as out:
            out.write(torch_mlir_module(m, k, n, w))

    # Squeeze.
    if "squeeze" in peers:
        for scheme in schemes:
            impl = Impl(name, "squeeze", scheme, "Squeeze", "sqz", fp32_bytes, **common)
            impls.append(impl)
            weight_passes, act_passes = SQZ_PIPELINES[scheme]
            model = os.path.join(directory, f"sqz_{scheme.replace(':', '').replace('+', '_')}.mlirbc")
            report = model + ".report.json"
            command = [args.opt, fp32_text] + weight_passes + \
                [f"--sqz-report=format=json output={report}"] + act_passes + \
                ["--emit-bytecode", "-o", model]
            impl.spec.update(model=model, pipeline=" ".join(shlex.quote(p) for p in
                                                             weight_passes + act_passes))
            started = time.time()
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode != 0:
                impl.error = "fails: " + first_error_line(result.stderr)
                continue
            try:
                with open(report) as f:
                    after = json.load(f)["totals"]["bytes_after"]
                if after:
                    impl.weight_bytes = after
            except (OSError, ValueError, KeyError):
                pass
            log(f"  sqz-opt {scheme}: {time.time() - started:.1f} s")
            if scheme in INT8_COMPUTE_SCHEMES:
                # The same model with the weight-only layers on int8 dot
                # products (what ORT's accuracy level 4 does).
                variant = Impl(name, "squeeze", scheme, "Squeeze", "sqz", impl.weight_bytes,
                               **common)
                variant.spec.update(impl.spec, run_flags=[INT8_COMPUTE_FLAG])
                impls.append(variant)

    if "numpy" in peers and "fp32" in schemes:
        impls.append(Impl(name, "numpy", "fp32", "numpy/OpenBLAS", "numpy", fp32_bytes, **common))

    if "ort" in peers:
        prepare_ort(name, impls, schemes, w, codes, scales, common)

    if "iree" in peers:
        prepare_iree(name, impls, schemes, w, codes, scales, common, fp32_text)

    if "onednn" in peers:
        if "fp32" in schemes:
            impls.append(Impl(name, "onednn", "fp32", "oneDNN f32", "onednn", fp32_bytes,
                              mode="f32", **common))
        if "w8a8" in schemes or "2:4+w8a8" in schemes:
            impls.append(Impl(name, "onednn", "w8a8", "oneDNN u8s8 (+ per-token quantize)",
                              "onednn", k * n + 4 * n, mode="u8s8", **common))
    return impls


def prepare_ort(name, impls, schemes, w, codes, scales, common):
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    m, k, n, directory = common["m"], common["k"], common["n"], common["dir"]

    def add(scheme, label, filename, nodes, inits, contrib, weight_bytes, **extra):
        path = os.path.join(directory, filename)
        impl = Impl(name, "ort", scheme, label, "ort", weight_bytes, model=path, **extra, **common)
        impls.append(impl)
        try:
            onnx.save(onnx_model(nodes, inits, m, k, n, contrib), path)
        except Exception as exc:  # noqa: BLE001 - recorded in the table
            impl.error = f"fails: {type(exc).__name__}: {exc}"[:300]

    if "fp32" in schemes:
        add("fp32", "ORT MatMul", "ort_fp32.onnx",
            [helper.make_node("MatMul", ["x", "W"], ["y"])],
            [numpy_helper.from_array(w, "W")], False, 4 * k * n)
    if "w8a8" in schemes or "2:4+w8a8" in schemes:
        inits = [numpy_helper.from_array(codes, "B"), numpy_helper.from_array(scales, "b_scale")]
        add("w8a8", "ORT DynamicQuantizeLinear+MatMulInteger (per-tensor act.)", "ort_mmi.onnx",
            [helper.make_node("DynamicQuantizeLinear", ["x"], ["xq", "x_scale", "x_zero"]),
             helper.make_node("MatMulInteger", ["xq", "B", "x_zero"], ["acc"]),
             helper.make_node("Cast", ["acc"], ["acc_f"], to=TensorProto.FLOAT),
             helper.make_node("Mul", ["x_scale", "b_scale"], ["scale"]),
             helper.make_node("Mul", ["acc_f", "scale"], ["y"])],
            inits, False, k * n + 4 * n, ref="w8")
        add("w8a8", "ORT DynamicQuantizeMatMul (per-tensor act.)", "ort_dqmm.onnx",
            [helper.make_node("DynamicQuantizeMatMul", ["x", "B", "b_scale"], ["y"],
                              domain="com.microsoft")],
            inits, True, k * n + 4 * n, ref="w8")
    nbits = []
    if "w4" in schemes:
        nbits += [(4, 32), (4, 128)]
    if "w8" in schemes:
        # Per channel would be one block of the whole reduction axis, but ORT
        # only takes block_size 16, 32, 64, 128 or 256: the largest it has.
        nbits += [(8, 256 if k % 256 == 0 else 128)]
    for bits, block in nbits:
        packed, nscales = pack_nbits(w, bits, block)
        for level in (0, 4):
            blocks = f"block {block}" + (" (= per channel)" if block == k else "")
            add("w4" if bits == 4 else "w8",
                f"ORT MatMulNBits {bits}-bit {blocks}, accuracy_level {level}",
                f"ort_nbits{bits}_b{block}_l{level}.onnx",
                [helper.make_node("MatMulNBits", ["x", "B", "scales"], ["y"],
                                  domain="com.microsoft", K=k, N=n, bits=bits,
                                  block_size=block, accuracy_level=level)],
                [numpy_helper.from_array(packed, "B"), numpy_helper.from_array(nscales, "scales")],
                True, packed.nbytes + nscales.nbytes,
                ref=f"nbits:{bits}:{block}", level=level, block=block, bits=bits)


def prepare_iree(name, impls, schemes, w, codes, scales, common, fp32_text):
    m, k, n, directory = common["m"], common["k"], common["n"], common["dir"]
    compiler = os.path.join(VENV, "bin", "iree-compile")
    jobs = []
    if "fp32" in schemes:
        jobs.append(("fp32", "IREE f32 matmul", "iree_fp32", None, 4 * k * n, {}))
    if "w8a8" in schemes or "2:4+w8a8" in schemes:
        jobs.append(("w8a8", "IREE i8 x i8 -> i32 matmul only (act. pre-quantized)", "iree_i8",
                     iree_i8_module(m, k, n, codes), k * n, {"input": "i8", "ref": "i8"}))
        jobs.append(("w8a8", "IREE W8A8 layer (per-token quantize + i8 matmul + scale)",
                     "iree_w8a8", iree_w8a8_module(m, k, n, codes, scales), k * n + 4 * n,
                     {"ref": "w8_token"}))
    for scheme, label, stem, text, weight_bytes, extra in jobs:
        vmfb = os.path.join(directory, stem + ".vmfb")
        impl = Impl(name, "iree", scheme, label, "iree", weight_bytes, model=vmfb, **extra, **common)
        impls.append(impl)
        source = fp32_text
        if text is not None:
            source = os.path.join(directory, stem + ".mlir")
            with open(source, "w") as out:
                out.write(text)
        started = time.time()
        result = subprocess.run([compiler, source, "-o", vmfb] + IREE_FLAGS,
                                capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT)
        if result.returncode != 0:
            impl.error = "fails: iree-compile: " + first_error_line(result.stderr)
        else:
            log(f"  iree-compile {stem}: {time.time() - started:.1f} s")
        if text is not None:
            os.remove(source)


# ---------------------------------------------------------------------------
# Measuring.

def run_json(command: list, env: dict) -> dict:
    result = subprocess.run(command, capture_output=True, text=True, env=env,
                            timeout=SUBPROCESS_TIMEOUT)
    lines = [l for l in result.stdout.splitlines() if l.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(first_error_line(result.stderr + "\n" + result.stdout))
    return json.loads(lines[-1])


def measure(impl: Impl, threads: int, args, tools: dict, check: bool) -> float:
    """One round of `impl`: the median ms of --repeat calls in a fresh process."""
    prefix, env = thread_env(threads)
    if impl.kind == "sqz":
        command = prefix + [args.run, impl.spec["model"], "--entry", "forward", "--random-inputs",
                            "--repeat", str(args.repeat)] + impl.spec.get("run_flags", [])
        if tools["sqz_threads"]:
            command += ["--threads", str(threads)]
        outdir = None
        if check:
            outdir = tempfile.mkdtemp(dir=impl.spec["dir"])
            command += ["--output-dir", outdir, "--save-inputs"]
        result = subprocess.run(command, capture_output=True, text=True, env=env,
                                timeout=SUBPROCESS_TIMEOUT)
        match = re.search(r"median time: ([0-9.eE+-]+) ms", result.stdout + result.stderr)
        if result.returncode != 0 or not match:
            raise RuntimeError(first_error_line(result.stderr + "\n" + result.stdout))
        if outdir:
            import numpy as np
            try:
                x = np.load(os.path.join(outdir, "in0.npy")).astype(np.float64)
                y = np.load(os.path.join(outdir, "out0.npy")).astype(np.float64)
                ref = x @ np.load(impl.spec["w"]).astype(np.float64)
                impl.relerr = float(np.linalg.norm(y - ref) / np.linalg.norm(ref))
            finally:
                shutil.rmtree(outdir, ignore_errors=True)
        return float(match.group(1))
    if impl.kind == "onednn":
        s = impl.spec
        data = run_json(prefix + [tools["onednn"], "--mode", s["mode"], "--m", str(s["m"]),
                                  "--k", str(s["k"]), "--n", str(s["n"]), "--threads",
                                  str(threads), "--repeat", str(args.repeat)], env)
        impl.info = f"oneDNN {data['version']}, kernel {data['impl']}"
        return data["median_ms"]
    spec = dict(impl.spec, kind=impl.kind, threads=threads, repeat=args.repeat, check=check)
    data = run_json(prefix + [VENV_PYTHON, os.path.abspath(__file__), "--worker",
                              json.dumps(spec)], env)
    if check:
        impl.relerr = data.get("relerr")
        impl.check = data.get("check", "")
    if data.get("info"):
        impl.info = data["info"]
    return data["median_ms"]


def worker(spec: dict) -> int:
    """Runs in a fresh process (pinned or not by the parent): times one
    implementation and prints one JSON line."""
    import numpy as np
    m, k, n, threads = spec["m"], spec["k"], spec["n"], spec["threads"]
    rng = np.random.default_rng(7)
    x = rng.standard_normal((m, k), dtype=np.float32)
    info = ""
    if spec["kind"] == "numpy":
        from threadpoolctl import threadpool_info
        w = np.load(spec["w"])
        y = np.empty((m, n), dtype=np.float32)

        def call():
            np.matmul(x, w, out=y)
            return y
        blas = [p for p in threadpool_info() if p.get("user_api") == "blas"]
        if blas:
            p = blas[0]
            info = (f"numpy {np.__version__} (bench/.venv), {p.get('internal_api')} "
                    f"{p.get('version')}, kernel {p.get('architecture')}, "
                    f"{p.get('threading_layer')}, {os.path.basename(p.get('filepath', ''))}")
    elif spec["kind"] == "ort":
        import onnxruntime as ort
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        session = ort.InferenceSession(spec["model"], options, providers=["CPUExecutionProvider"])
        feeds = {"x": x}

        def call():
            return session.run(None, feeds)[0]
        info = f"onnxruntime {ort.__version__}"
    elif spec["kind"] == "iree":
        import iree.runtime as rt
        if threads == 1:
            config = rt.Config("local-sync")
        else:
            rt.flags.parse_flags(f"--task_topology_group_count={threads}")
            config = rt.Config("local-task")
        context = rt.SystemContext(config=config)
        with open(spec["model"], "rb") as f:
            context.add_vm_module(rt.VmModule.copy_buffer(context.instance, f.read()))
        function = context.modules.module["forward"]
        if spec.get("input") == "i8":
            x = rng.integers(-127, 128, (m, k), dtype=np.int8)
        device_x = rt.asdevicearray(config.device, x)

        def call():
            return function(device_x).to_host()
        import importlib.metadata as md
        info = f"iree-base-runtime {md.version('iree-base-runtime')}, " + \
            ("local-sync" if threads == 1 else f"local-task, {threads} workers")
    else:
        raise SystemExit(f"unknown kind {spec['kind']}")

    for _ in range(3):
        call()
    times = []
    for _ in range(spec["repeat"]):
        start = time.perf_counter_ns()
        call()
        times.append((time.perf_counter_ns() - start) / 1e6)
    out = {"median_ms": statistics.median(times), "min_ms": min(times), "info": info}
    if spec["check"]:
        out.update(check_result(spec, x, np.asarray(call())))
    print(json.dumps(out))
    return 0


def check_result(spec: dict, x, y) -> dict:
    """Relative L2 error against x @ W in fp32 and, where the implementation
    has its own exact reference (its quantized weight read back in numpy),
    whether it computes that (this is what validates the packed layouts)."""
    import numpy as np
    k, n = spec["k"], spec["n"]
    w = np.load(spec["w"]).astype(np.float64)
    out = {}
    ref_kind = spec.get("ref")
    if ref_kind == "i8":
        codes = np.load(os.path.join(spec["dir"], "w8_codes.npy")).astype(np.int64)
        exact = x.astype(np.int64) @ codes
        bad = int(np.count_nonzero(exact != y.astype(np.int64)))
        out["check"] = "exact i32 result" if bad == 0 else f"CHECK FAILED: {bad} wrong values"
        return out
    xd = x.astype(np.float64)
    yd = y.astype(np.float64)
    ref = xd @ w
    out["relerr"] = float(np.linalg.norm(yd - ref) / np.linalg.norm(ref))
    own, tolerance = None, None
    if ref_kind and ref_kind.startswith("nbits"):
        import onnx
        from onnx import numpy_helper
        _, bits, block = ref_kind.split(":")
        model = onnx.load(spec["model"])
        inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
        wdq = unpack_nbits(inits["B"], inits["scales"], int(bits), int(block), k, n)
        own = xd @ wdq.astype(np.float64)
        # accuracy_level 4 quantizes the activations to int8 per block.
        tolerance = 1e-4 if spec.get("level") == 0 else 5e-2
    elif ref_kind == "w8":
        codes = np.load(os.path.join(spec["dir"], "w8_codes.npy")).astype(np.float64)
        scales = np.load(os.path.join(spec["dir"], "w8_scales.npy")).astype(np.float64)
        own = xd @ (codes * scales)
        tolerance = 1e-1   # per-tensor u8 activations
    elif ref_kind == "w8_token":
        codes = np.load(os.path.join(spec["dir"], "w8_codes.npy")).astype(np.float64)
        scales = np.load(os.path.join(spec["dir"], "w8_scales.npy")).astype(np.float64)
        sx = np.abs(xd).max(axis=1, keepdims=True) / 127
        q = np.clip(np.rint(xd / sx), -127, 127)
        own = (q @ codes) * sx * scales
        tolerance = 1e-5
    elif spec["kind"] in ("iree", "ort"):
        own, tolerance = ref, 1e-4
    if own is not None:
        err = float(np.linalg.norm(yd - own) / np.linalg.norm(own))
        verdict = "ok" if err <= tolerance else "CHECK FAILED"
        out["check"] = f"{verdict}: rel. err {err:.1e} against its numpy reference"
    return out


def machine_limits(binary: str, sizes_mib: list) -> dict:
    prefix, env = thread_env(1)
    return run_json(prefix + [binary] + [str(s) for s in sizes_mib], env)


# ---------------------------------------------------------------------------
# Report.

def machine_line() -> str:
    model, flags, ids = "unknown CPU", set(), {}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                key = key.strip()
                if key == "model name" and model == "unknown CPU":
                    model = value.strip()
                elif key == "flags" and not flags:
                    flags = set(value.split())
                elif key in ("cpu family", "model", "stepping") and key not in ids:
                    ids[key] = value.strip()
    except OSError:
        pass
    isa = [name for name in ("avx2", "fma", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8")
           if name in flags]
    family = ", ".join(f"{k} {v}" for k, v in ids.items())
    return (f"{model} ({family}), {os.cpu_count()} cores (os.cpu_count()), "
            f"ISA: {', '.join(isa) or 'n/a'}")


def last_level_cache_bytes() -> int:
    """Size of the largest cache of cpu0 (sysfs), or 0."""
    best = 0
    base = "/sys/devices/system/cpu/cpu0/cache"
    try:
        for entry in os.listdir(base):
            try:
                with open(os.path.join(base, entry, "size")) as f:
                    text = f.read().strip()
            except OSError:
                continue
            match = re.fullmatch(r"([0-9]+)([KMG]?)", text)
            if match:
                scale = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30}[match.group(2)]
                best = max(best, int(match.group(1)) * scale)
    except OSError:
        pass
    return best


def fmt_ms(value) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def summarize(impls: list, thread_list: list) -> list:
    """Rows: (impl, threads, median, min, error), each scheme's Squeeze row
    followed by its peers."""
    order = ["fp32", "2:4", "w8", "w4", "w8a8", "2:4+w8a8"]
    layers = list(dict.fromkeys(i.layer for i in impls))
    ranked = sorted(enumerate(impls), key=lambda p: (
        layers.index(p[1].layer), order.index(p[1].scheme), p[1].peer != "squeeze", p[0]))
    rows = []
    for _, impl in ranked:
        for threads in thread_list:
            samples = impl.medians.get(threads, [])
            error = impl.error or impl.errors.get(threads, "")
            rows.append((impl, threads, statistics.median(samples) if samples else None,
                         min(samples) if samples else None, error))
    return rows


# Which peers each scheme is compared with: a list of (short name, predicate).
def reference_sets(scheme: str) -> list:
    fp32 = ("OpenBLAS/oneDNN f32",
            lambda i: i.scheme == "fp32" and i.peer in ("numpy", "onednn"))
    w8a8 = ("ORT/oneDNN/IREE int8",
            lambda i: i.scheme == "w8a8" and i.peer in ("ort", "onednn", "iree"))
    if scheme in ("fp32", "2:4"):
        return [fp32]
    if scheme in ("w8a8", "2:4+w8a8"):
        return [w8a8]
    if scheme == "w4":
        return [(f"L{lv}",
                 lambda i, lv=lv: i.scheme == "w4" and i.spec.get("block") == 128
                 and i.spec.get("level") == lv) for lv in (4, 0)]
    if scheme == "w8":
        return [(f"L{lv}",
                 lambda i, lv=lv: i.scheme == "w8" and i.spec.get("level") == lv) for lv in (4, 0)]
    return []


def write_report(args, impls, thread_list, limits, versions, tools, notes, command_line):
    rows = summarize(impls, thread_list)
    llc = last_level_cache_bytes()
    llc_text = f"{llc / 2**20:.0f} MiB here" if llc else "size unknown"
    time_of = {(id(impl), threads): med for impl, threads, med, _, _ in rows}

    def ratio_text(impl, threads) -> str:
        t = time_of.get((id(impl), threads))
        if t is None:
            return ""
        sets = reference_sets(impl.scheme)
        parts = []
        for short, predicate in sets:
            candidates = [time_of[(id(o), threads)] for o in impls
                          if o.layer == impl.layer and predicate(o)
                          and time_of.get((id(o), threads)) is not None]
            if candidates:
                parts.append(f"{min(candidates) / t:.2f}x" + (f" vs {short}" if len(sets) > 1 else ""))
        return ", ".join(parts)

    lines = [
        "# Squeeze CPU kernels against peer libraries: single linear layers",
        "",
        f"Machine: {machine_line()}.",
        "",
        "## How measured",
        "",
        "y[M, N] = x[M, K] @ W, W a constant [K, N] f32 weight (seeded normal, std 1/sqrt(K)); "
        "x random. Squeeze: the layer as torch-mlir emits it ([N, K] `arith.constant`, "
        "`linalg.transpose`, `linalg.fill`, `linalg.matmul`), compressed by `sqz-opt` and "
        "timed by `sqz-run --random-inputs --repeat R` (its own median). Peers: a fresh "
        "process per measurement, 3 warm-up calls, then R calls timed one by one "
        "(`perf_counter_ns` around the call; ORT through `session.run`, IREE through the "
        "Python runtime with the input already on the device and the result read back, "
        "oneDNN in C++ around `execute` + `wait`). One round runs every implementation of "
        "every layer once, in the same invocation; **median ms** is the median over the rounds "
        "of each round's median of R calls, **min ms** the smallest of those round medians.",
        "",
        "Threads: `1` = pinned with `taskset -c 0`, `OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=1`, "
        "ORT `intra_op_num_threads=1`, IREE `local-sync`; "
        f"`{os.cpu_count()}` = all cores, not pinned, ORT `intra_op_num_threads={os.cpu_count()}`, "
        f"IREE `local-task` with {os.cpu_count()} workers, oneDNN/OpenMP {os.cpu_count()} threads. "
        "ORT always runs `inter_op_num_threads=1`, sequential execution. "
        "`OPENBLAS_CORETYPE` and `OPENBLAS_L2_SIZE` are removed from every child's environment.",
        "",
        "G(FL)OP/s = 2*M*N*K / time (dense-equivalent for 2:4; GOP/s for the integer "
        "schemes). Weight GB/s (GEMV only) = bytes of the weight in the form the "
        "implementation stores it (codes + scales + 2:4 positions; Squeeze's from "
        "`--sqz-report` after the weight passes) / time. **speed vs best peer** = "
        "(best peer time) / (this time), >1 is faster than the peer: fp32 and 2:4 f32 "
        "against the best of OpenBLAS and oneDNN f32; W8A8 and 2:4 + W8A8 against the "
        "best of ORT MatMulInteger, ORT DynamicQuantizeMatMul, oneDNN u8s8 and IREE i8 (both "
        "rows); W4 against ORT MatMulNBits block 128 at accuracy level 4 (int8 compute) and "
        "at level 0 (fp32 compute), given separately; W8 against ORT MatMulNBits 8-bit "
        "block 256 (ORT takes no larger block, so no true per-channel 8-bit), level 4 and "
        "level 0. rel. err = relative L2 error of the output against x @ W in float64 (from "
        "round 1); the notes give, where an implementation has an exact numpy reference "
        "(its own quantized weight read back, e.g. MatMulNBits' packed nibbles), the error "
        "against that: this is what validates the layouts.",
        "",
        f"Cache: the same weight is read call after call. A stored weight smaller than the "
        f"last-level cache ({llc_text}) stays in it, so its GB/s can exceed the DRAM "
        f"bandwidth (such cells are marked *L3*); compare those with the 16 MiB read "
        f"bandwidth below, the others with the 1 GiB one.",
        "",
        "Call overhead: `sqz-run` and the oneDNN program time the compiled function in "
        "C/C++; ORT and IREE are called from Python (about 10-20 us per call on this kind of "
        "machine), numpy through `np.matmul(out=...)` (about 1-2 us). That only matters for "
        "the microsecond layers of `--layers small`, which are smoke tests.",
        "",
        "Differences in what is computed: ORT's `DynamicQuantizeLinear` and "
        "`DynamicQuantizeMatMul` quantize the activations per tensor to u8 with a zero point "
        "(an ONNX operator has no per-token form); Squeeze, oneDNN and the IREE layer quantize "
        "per token (row). The IREE `i8 x i8 -> i32` row is the matmul alone on already "
        "quantized activations with an i32 result (the data-tiled i8 kernel, no quantization "
        "or scaling). oneDNN u8s8 quantizes per token in a plain C++ loop inside the timed "
        "region, with source zero point 0 (values not checked). The Squeeze *int8 compute* "
        "rows run the same weight-only model with `sqz-run --weight-only-compute=int8`: the "
        "activations are quantized at run time to symmetric int8 per row and group of K "
        "(128 for W4, all of K for W8 per channel) and multiplied with the codes on VNNI, "
        "as ORT's accuracy level 4 quantizes per block of K.",
        "",
        "## Versions",
        "",
    ]
    lines += [f"- {v}" for v in versions]
    pipelines = {i.scheme: i.spec.get("pipeline") for i in impls if i.peer == "squeeze"}
    if pipelines:
        lines += ["", "Squeeze pipelines (`sqz-opt fp32.mlir PASSES --emit-bytecode`, then "
                  "`sqz-run MODEL --entry forward --random-inputs --repeat R"
                  + (" --threads T" if tools.get("sqz_threads") else "") + "`):", ""]
        lines += [f"- {SCHEMES[k][0]}: `{v or '(no passes)'}`" for k, v in pipelines.items()]
    lines += ["", "## Machine limits (one core, `taskset -c 0`)", ""]
    if isinstance(limits, dict):
        def lim(key, unit, what):
            value = limits.get(key)
            return f"| {what} | {'not available on this CPU' if value is None else f'{value} {unit}'} |"
        lines += [
            "| limit | value |",
            "|---|---|",
            lim("read_gbs_1gib", "GB/s", "read bandwidth, 1 GiB array (DRAM)"),
            lim("read_gbs_16mib", "GB/s", "read bandwidth, 16 MiB array"),
            lim("fma_zmm_gflops", "GFLOP/s", "fp32 FMA peak, zmm `_mm512_fmadd_ps`"),
            lim("fma_ymm_gflops", "GFLOP/s", "fp32 FMA peak, ymm `_mm256_fmadd_ps`"),
            lim("vnni_zmm_gops", "GOP/s", "int8 peak, zmm VNNI `_mm512_dpbusd_epi32`"),
            lim("vnni_ymm_gops", "GOP/s", "int8 peak, ymm AVX-VNNI `_mm256_dpbusd_avx_epi32`"),
            lim("avx2_int8_gops", "GOP/s",
                "int8 peak without VNNI, ymm `vpmaddubsw`+`vpmaddwd`+`vpaddd`"),
        ]
        for mib, gbs in (limits.get("read_gbs_by_mib") or {}).items():
            lines.append(f"| read bandwidth, {mib} MiB array (a GEMV's f32 weight) | {gbs} GB/s |")
        lines += ["", "Read bandwidth: the best of several passes reading the array as one "
                  "stream and as 4 concurrent streams (its quarters); on a shared virtual "
                  "machine it varies by some 20% from run to run."]
    else:
        lines.append(f"machine_limits failed: {limits}")
    lines += [
        "",
        "## Results",
        "",
        f"{args.rounds} round(s), R = {args.repeat} calls per round.",
        "",
        "| layer | scheme | implementation | threads | median ms | min ms | G(FL)OP/s | "
        "weight GB/s | speed vs best peer | rel. err | notes |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for impl, threads, med, low, error in rows:
        m, k, n = LAYERS[impl.layer]
        label = impl.label
        if impl.peer == "squeeze":
            label = "**Squeeze**" + (" int8 compute" if impl.spec.get("run_flags") else "")
        scheme = SCHEMES[impl.scheme][0]
        if med is None:
            lines.append(f"| {impl.layer} | {scheme} | {label} | {threads} | | | | | | | "
                         f"{(error or 'not run').replace('|', '/')} |")
            continue
        gops = 2 * m * n * k / (med * 1e-3) / 1e9
        gbs = ""
        if m == 1:
            gbs = f"{impl.weight_bytes / (med * 1e-3) / 1e9:.1f}"
            if llc and impl.weight_bytes < llc:
                gbs += " *L3*"
        err = "" if impl.relerr is None else f"{impl.relerr:.1e}"
        note = "; ".join(x for x in (impl.check, error) if x).replace("|", "\\|")
        lines.append(f"| {impl.layer} | {scheme} | {label} | {threads} | {fmt_ms(med)} | "
                     f"{fmt_ms(low)} | {gops:.1f} | {gbs} | {ratio_text(impl, threads)} | "
                     f"{err} | {note} |")
    kernels = sorted({f"{i.label}: {i.info}" for i in impls if i.info and i.peer == "onednn"})
    if kernels:
        lines += ["", "oneDNN kernels picked: " + "; ".join(kernels) + "."]
    if notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in notes]
    lines += ["", "## Re-run", "", "```sh", command_line, "```", "",
              f"Plot: [{os.path.splitext(os.path.basename(args.out))[0]}.png]"
              f"({os.path.splitext(os.path.basename(args.out))[0]}.png)", ""]
    return "\n".join(lines)


PEER_COLORS = {"squeeze": "#d62728", "numpy": "#1f77b4", "ort": "#2ca02c", "iree": "#9467bd",
               "onednn": "#ff7f0e"}
SCHEME_SHORT = {"fp32": "fp32", "w8": "W8", "w8a8": "W8A8", "w4": "W4", "2:4": "2:4",
                "2:4+w8a8": "2:4+W8A8"}


def short_label(impl) -> str:
    s = impl.spec
    if impl.peer == "squeeze":
        return "Squeeze" + (" int8 compute" if s.get("run_flags") else "")
    if impl.peer == "numpy":
        return "OpenBLAS"
    if impl.peer == "onednn":
        return "oneDNN " + s["mode"]
    if impl.peer == "iree":
        return {"i8": "IREE i8 matmul only", "w8_token": "IREE W8A8 layer"}.get(s.get("ref"), "IREE f32")
    if "bits" in s:
        block = "per-ch" if s["block"] == s["k"] else f"b{s['block']}"
        return f"ORT NBits{s['bits']} {block} L{s['level']}"
    if "MatMulInteger" in impl.label:
        return "ORT DQL+MatMulInteger"
    if "DynamicQuantizeMatMul" in impl.label:
        return "ORT DynamicQuantizeMatMul"
    return "ORT MatMul"


def write_plot(path, impls, thread_list, limits):
    """One row of panels per layer (and a second row of weight GB/s for a
    GEMV), one column per thread count."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    rows = summarize(impls, thread_list)
    layers = list(dict.fromkeys(i.layer for i in impls))
    panel_rows = []
    for layer in layers:
        panel_rows.append((layer, "gops"))
        if LAYERS[layer][0] == 1:
            panel_rows.append((layer, "gbs"))
    per_layer = max(len([i for i in impls if i.layer == layer]) for layer in layers)
    height = 0.16 * per_layer + 1.0
    fig, axes = plt.subplots(len(panel_rows), len(thread_list),
                             figsize=(6.5 * len(thread_list), height * len(panel_rows)),
                             squeeze=False)
    for r, (layer, what) in enumerate(panel_rows):
        m, k, n = LAYERS[layer]
        for c, threads in enumerate(thread_list):
            ax = axes[r, c]
            labels, values, colors = [], [], []
            for impl, t, med, _, _ in rows:
                if impl.layer != layer or t != threads:
                    continue
                labels.append(f"{SCHEME_SHORT[impl.scheme]} | {short_label(impl)}")
                if med is None:
                    values.append(0.0)
                elif what == "gops":
                    values.append(2 * m * n * k / (med * 1e-3) / 1e9)
                else:
                    values.append(impl.weight_bytes / (med * 1e-3) / 1e9)
                colors.append(PEER_COLORS[impl.peer])
            positions = list(range(len(labels)))[::-1]
            ax.barh(positions, values, color=colors)
            ax.set_yticks(positions)
            ax.set_yticklabels(labels if c == 0 else [], fontsize=6)
            ax.tick_params(axis="x", labelsize=6)
            for pos, value in zip(positions, values):
                ax.text(value, pos, f" {value:.1f}" if value else " failed / not run",
                        va="center", fontsize=5)
            unit = "G(FL)OP/s" if what == "gops" else "weight GB/s (stored bytes / time)"
            ax.set_title(f"{layer}, {threads} thread(s): {unit}", fontsize=8)
            limit, text = None, ""
            if isinstance(limits, dict) and threads == 1:
                if what == "gbs":
                    limit, text = limits.get("read_gbs_1gib"), "DRAM read, 1 core"
                elif m > 1:
                    limit = limits.get("fma_zmm_gflops") or limits.get("fma_ymm_gflops")
                    text = "fp32 FMA peak, 1 core"
            if limit:
                ax.axvline(limit, color="gray", linestyle="--", linewidth=0.8)
                ax.text(limit, len(labels) - 0.4, " " + text, fontsize=6, color="gray")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# ---------------------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--opt", default="build/bin/sqz-opt")
    parser.add_argument("--run", default="build/bin/sqz-run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--threads", default="1,all",
                        help="comma list of thread counts; 'all' = os.cpu_count()")
    parser.add_argument("--layers", default="all",
                        help="all|gemm|gemv|small or a comma list of: " + ", ".join(LAYERS))
    parser.add_argument("--schemes", default=",".join(SCHEMES),
                        help="comma list of: " + ", ".join(SCHEMES))
    parser.add_argument("--peers", default=",".join(PEERS),
                        help="comma list of: " + ", ".join(PEERS) + " (squeeze = Squeeze itself)")
    parser.add_argument("--out", default="bench/results/cpu_kernels.md")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main() -> int:
    argv = sys.argv[1:]
    if "--worker" in argv:
        return worker(json.loads(parse_args(argv).worker))
    args = parse_args(argv)
    in_venv = os.path.realpath(sys.prefix) == os.path.realpath(VENV)
    if not in_venv:
        ensure_venv()
        apt_error = ensure_debian_packages()
        env = dict(os.environ, SQZ_BENCH_APT_ERROR=apt_error,
                   SQZ_BENCH_COMMAND=shlex.join([sys.executable, os.path.relpath(__file__)] + argv))
        os.execve(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__)] + argv, env)
    command_line = os.environ.get("SQZ_BENCH_COMMAND",
                                  shlex.join(["/usr/bin/python3", os.path.relpath(__file__)] + argv))
    apt_error = os.environ.get("SQZ_BENCH_APT_ERROR", "")

    threads = []
    for item in args.threads.split(","):
        value = os.cpu_count() if item.strip() == "all" else int(item)
        if value not in threads:
            threads.append(value)
    layers = LAYER_SETS.get(args.layers) or [l.strip() for l in args.layers.split(",")]
    schemes = [s.strip() for s in args.schemes.split(",")]
    peers = [p.strip() for p in args.peers.split(",")]
    for name, known, what in ((layers, LAYERS, "layer"), (schemes, SCHEMES, "scheme"),
                              (peers, PEERS, "peer")):
        unknown = [x for x in name if x not in known]
        if unknown:
            raise SystemExit(f"unknown {what}(s): {', '.join(unknown)}")
    for tool in ("opt", "run"):
        setattr(args, tool, os.path.abspath(getattr(args, tool)))

    import importlib.metadata as md
    notes = []
    versions = []
    try:
        with open(VERSIONS_FILE) as f:
            notes += list(json.load(f).get("notes", {}).values())
    except (OSError, ValueError):
        pass
    for package in ("onnxruntime", "onnx", "iree-base-compiler", "iree-base-runtime", "numpy",
                    "threadpoolctl", "matplotlib"):
        try:
            versions.append(f"{package} {md.version(package)} (PyPI, bench/.venv)")
        except md.PackageNotFoundError:
            versions.append(f"{package}: not installed")
    try:
        git = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "lib", "runtime",
                                "tools", "include"], capture_output=True, text=True).stdout.strip()
        versions.insert(0, f"Squeeze at {git}" + (" with uncommitted changes in lib/, runtime/, "
                                                   "tools/ or include/" if dirty else ""))
    except OSError:
        pass

    tools = {}
    help_text = subprocess.run([args.run, "--help"], capture_output=True, text=True).stdout
    tools["sqz_threads"] = re.search(r"--threads[= ]", help_text) is not None
    if not tools["sqz_threads"]:
        notes.append("`sqz-run` has no `--threads` flag (checked with `sqz-run --help`): Squeeze "
                     "runs on one thread, so it is timed in the 1-thread configuration only.")

    limits = "not measured"
    binary, error = build_program("machine_limits", [])
    if binary:
        try:
            # Also read arrays of the size of each GEMV's f32 weight.
            sizes = sorted({-(-4 * LAYERS[l][1] * LAYERS[l][2] // 2**20) for l in layers
                            if LAYERS[l][0] == 1})
            limits = machine_limits(binary, sizes)
            log(f"machine limits: {limits}")
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            limits = str(exc)
    else:
        limits = error
    onednn_error = apt_error
    if "onednn" in peers and not onednn_error:
        tools["onednn"], onednn_error = build_program("onednn_matmul", ["-fopenmp", "-ldnnl"])
    if "onednn" in peers:
        versions.append("oneDNN: Debian libdnnl-dev " + subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "libdnnl-dev"], capture_output=True,
            text=True).stdout.strip())

    impls = []
    for layer in layers:
        log(f"preparing {layer} {LAYERS[layer]}")
        layer_impls = prepare_layer(layer, args, peers, schemes, tools["sqz_threads"])
        for impl in layer_impls:
            if impl.kind == "onednn" and onednn_error:
                impl.error = "fails: " + onednn_error
        impls += layer_impls

    for round_index in range(args.rounds):
        for layer in layers:
            for count in threads:
                for impl in (i for i in impls if i.layer == layer):
                    if impl.error:
                        continue
                    if impl.kind == "sqz" and count != 1 and not tools["sqz_threads"]:
                        impl.errors[count] = "not run: sqz-run has no --threads (one thread only)"
                        continue
                    if count in impl.errors:
                        continue
                    try:
                        ms = measure(impl, count, args, tools,
                                     check=(round_index == 0 and count == threads[0]))
                    except (RuntimeError, subprocess.TimeoutExpired, ValueError) as exc:
                        impl.errors[count] = "fails: " + str(exc)[:300]
                        log(f"  {layer} {impl.scheme} {impl.label} x{count}: {impl.errors[count]}")
                        continue
                    impl.medians.setdefault(count, []).append(ms)
                    log(f"round {round_index + 1}/{args.rounds} {layer} {impl.scheme} "
                        f"{impl.label} x{count}: {ms:.3f} ms")

    numpy_info = sorted({i.info for i in impls if i.peer == "numpy" and i.info})
    versions += numpy_info
    versions.append("IREE flags: `" + " ".join(IREE_FLAGS) + "`")
    report = write_report(args, impls, threads, limits, versions, tools, notes, command_line)
    out = os.path.abspath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        f.write(report)
    plot = os.path.splitext(out)[0] + ".png"
    try:
        write_plot(plot, impls, threads, limits)
    except Exception as exc:  # noqa: BLE001 - the table is written anyway
        log(f"plot failed: {exc}")
    print(report)
    log(f"wrote {out} and {plot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
