#!/usr/bin/python3
"""Runs every Squeeze pass over a corpus of verifier-valid MLIR and reports
crashes, hangs and invalid IR.

Each pass of `sqz-opt --help` (the `--sqz-*` passes, `--convert-sqz-to-linalg`
and the pipeline `--sqz-lower-to-cpu`) runs with several option sets
(`--list` prints them) on every input: the pieces under test/Sweep/corpus/
and, unless `--no-extra`, the pieces of examples/*.mlir and
test/Dialect/Sqz/*.mlir (split at `// -----`, without the pieces that expect
diagnostics). Inputs that do not parse and verify on their own are skipped.

Every run is `sqz-opt --verify-each=0 --mlir-disable-threading PASSES INPUT
-o OUT` with a timeout, classified as

  ok          exit 0 and OUT parses and verifies again;
  rejected    non-zero exit with an `error:` diagnostic and no crash (fine);
  crash       a signal, "PLEASE submit a bug report", "Stack dump",
              "LLVM ERROR" or a sanitizer report; also a non-zero exit
              without any `error:` diagnostic (a pass that fails silently);
  hang        the timeout;
  invalid-ir  exit 0 but OUT does not verify; or, for a configuration of
              several passes (or a pipeline) that fails with an error, a
              rerun with `--verify-each=1` fails earlier with another error,
              i.e. the verifier rejected the IR that one pass produced.

Data-aware options get a statistics file made for each input
(docs/statistics.md): the layers are named by running `--sqz-instrument` on
the input, every channel gets made-up ranges (a few above the outlier
threshold), and layers with at most 512 input channels get a `K x K` Hessian
`.npy` for GPTQ.

The summary has one row per option set and one line per distinct finding
(class, option set, first line of the failure), with the first input that
shows it and a command that reproduces it. The exit status is 1 when there
is any crash, hang or invalid-ir, 2 on a usage error, else 0.

Examples:
  scripts/crash-sweep.py                          # the whole sweep, 2 jobs
  scripts/crash-sweep.py --sample 8 --seed 1      # 8 random inputs (CI)
  scripts/crash-sweep.py --tools build-asan/bin --report sweep.md
  scripts/crash-sweep.py --configs 'prune' --inputs 'Linalg'
"""

import argparse
import array
import concurrent.futures
import hashlib
import json
import math
import os
import random
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Option sets: (name, [sqz-opt arguments]). `{stats}` is the statistics file
# made for the input and `{hessian}` the directory of its Hessians. Several
# arguments chain passes, so that the passes that work on the output of
# others (activations, fold-scales, export) see real input.
QW = "--sqz-quantize-weights"
QA = "--sqz-quantize-activations"
PRUNE = "--sqz-prune"
CONFIGS = [
    ("qw.default", [QW]),
    ("qw.w4-group128", [QW + "=bits=4 granularity=group group-size=128"]),
    ("qw.w8-asym-tensor", [QW + "=bits=8 symmetric=0 granularity=tensor"]),
    ("qw.w2-narrow", [QW + "=bits=2 granularity=channel narrow-range=1 explain=1"]),
    ("qw.gptq", [QW + "=method=gptq hessian={hessian} act-order=1 damp=0.05"]),
    ("qa.dynamic-token", [QW, QA + "=mode=dynamic granularity=token"]),
    ("qa.dynamic-a4-asym", [QW, QA + "=mode=dynamic bits=4 symmetric=0 explain=1"]),
    ("qa.static-percentile", [QW, QA + "=mode=static stats={stats} range=percentile percentile=99.9"]),
    ("qa.static-mse-asym", [QW, QA + "=mode=static stats={stats} range=mse symmetric=0"]),
    ("fold.dynamic", [QW, QA + "=mode=dynamic granularity=token", "--sqz-fold-scales=explain=1"]),
    ("fold.static-asym", [QW + "=symmetric=0", QA + "=mode=static stats={stats} symmetric=0", "--sqz-fold-scales"]),
    ("prune.default", [PRUNE]),
    ("prune.nm-2-4", [PRUNE + "=pattern=nm n=2 m=4 explain=1"]),
    ("prune.nm-2-4+w8", [PRUNE + "=pattern=nm n=2 m=4", QW + "=bits=8"]),
    ("prune.wanda", [PRUNE + "=method=wanda stats={stats} sparsity=0.3"]),
    ("prune.global-0.9", [PRUNE + "=scope=global sparsity=0.9"]),
    ("prune.rows", [PRUNE + "=pattern=rows sparsity=0.25 explain=1"]),
    ("prune.heads", [PRUNE + "=pattern=heads num-heads=2 sparsity=0.5"]),
    ("smoothquant.search+w8a8", ["--sqz-smoothquant=stats={stats} search-alpha=1 explain=1", QW,
                                 QA + "=mode=static stats={stats}", "--sqz-fold-scales"]),
    ("outlier.default", ["--sqz-outlier-split=stats={stats} explain=1"]),
    ("outlier.all+w8", ["--sqz-outlier-split=stats={stats} threshold=0.6", QW]),
    ("instrument.default", ["--sqz-instrument"]),
    ("import-quant.default", ["--sqz-import-quant"]),
    ("export-quant.default", ["--sqz-export-quant"]),
    ("export-quant.after-w8", [QW, "--sqz-export-quant"]),
    ("report.json-w4", [QW + "=bits=4 granularity=group group-size=32", "--sqz-report=format=json output=-"]),
    ("verify-sparsity.after-nm", [PRUNE + "=pattern=nm", "--sqz-verify-sparsity"]),
    ("export-sparse.after-nm", [PRUNE + "=pattern=nm", "--sqz-export-sparse-tensor"]),
    ("to-linalg.default", ["--convert-sqz-to-linalg"]),
    ("to-linalg.w8a8-direct-call", [PRUNE + "=pattern=nm", QW, QA,
                                    "--convert-sqz-to-linalg=sparse-matmul=direct observe=call"]),
    ("decompose-aggregate.default", ["--sqz-decompose-aggregate-ops"]),
    ("contiguous-inner-loop.default", ["--sqz-contiguous-inner-loop"]),
    ("vectorize.default", ["--sqz-vectorize"]),
    ("entry-points.writable", ["--sqz-export-entry-points=read-only-args=0"]),
    ("check-llvm.default", ["--sqz-check-llvm-dialect=pipeline=sweep"]),
    ("lower-cpu.default", ["--sqz-lower-to-cpu"]),
    ("lower-cpu.loops", ["--sqz-lower-to-cpu=vectorize=0 fuse-elementwise=0 contiguous-inner-loop=0"]),
    ("lower-cpu.w4", [QW + "=bits=4 granularity=group group-size=32", "--sqz-lower-to-cpu"]),
    ("lower-cpu.w8a8-fold", [QW, QA + "=granularity=token", "--sqz-fold-scales", "--sqz-lower-to-cpu"]),
]

CLASSES = ["ok", "rejected", "crash", "hang", "invalid-ir"]
FINDING_CLASSES = ["crash", "hang", "invalid-ir"]

CRASH_MARKERS = [
    "PLEASE submit a bug report",
    "Stack dump:",
    "LLVM ERROR:",
    "UNREACHABLE executed",
    "Assertion `",
    "ERROR: AddressSanitizer",
    "ERROR: LeakSanitizer",
    "ERROR: MemorySanitizer",
    "WARNING: ThreadSanitizer",
    "runtime error:",
]


def pass_names(argument):
    """The pass or pipeline names of one sqz-opt argument."""
    return [argument.split("=", 1)[0].lstrip("-")]


def config_passes(config):
    return [name for argument in config[1] for name in pass_names(argument)]


def split_pieces(text):
    """Splits at `// -----` lines, as --split-input-file does."""
    return re.split(r"^// -----.*$", text, flags=re.M)


def expects_diagnostics(piece):
    return re.search(r"expected-(error|warning)", piece) is not None


class Tools:
    """sqz-opt, waiting for it while a rebuild replaces it."""

    def __init__(self, directory):
        self.opt = os.path.join(directory, "sqz-opt")

    def wait(self, seconds=300):
        deadline = time.time() + seconds
        while not os.access(self.opt, os.X_OK):
            if time.time() > deadline:
                raise SystemExit(f"crash-sweep: {self.opt} is missing")
            time.sleep(2)

    def stamp(self):
        try:
            status = os.stat(self.opt)
            return (status.st_mtime, status.st_size)
        except OSError:
            return None

    def run(self, arguments, timeout, env):
        """Runs sqz-opt; returns (exit status or None on timeout, stdout, stderr, seconds)."""
        for attempt in range(30):
            self.wait()
            start = time.time()
            try:
                process = subprocess.run([self.opt] + arguments, stdin=subprocess.DEVNULL,
                                         capture_output=True, timeout=timeout, env=env)
            except subprocess.TimeoutExpired as expired:
                return (None, expired.stdout or b"", expired.stderr or b"", time.time() - start)
            except OSError:
                # The binary is being relinked: wait for the new one.
                time.sleep(2)
                continue
            return (process.returncode, process.stdout, process.stderr, time.time() - start)
        raise SystemExit(f"crash-sweep: cannot run {self.opt}")


def decode(data):
    return data.decode("utf-8", errors="replace")


def crash_signature(stderr, status):
    """One line that names a crash: the assertion, fatal error, sanitizer
    summary, or else the signal and the first frame of the stack that is not
    the signal handler, with the pass that was running."""
    lines = stderr.splitlines()
    for pattern in (r"Assertion `.*' failed", r"LLVM ERROR: .*", r"UNREACHABLE executed.*",
                    r"SUMMARY: \w+Sanitizer: .*", r"runtime error: .*",
                    r"ERROR: \w+Sanitizer: [\w-]+"):
        for line in lines:
            match = re.search(pattern, line)
            if match:
                return normalize_paths(match.group(0))
    running = ""
    for line in lines:
        match = re.search(r"[Rr]unning pass '([^']+)'", line)
        if match:
            running = f" (pass '{match.group(1)}')"
    skip = re.compile(r"llvm::sys::|SignalHandler|__restore_rt|PrintStackTrace|"
                      r"RunSignalHandlers|libc\.so|__pthread_kill|raise|abort|"
                      r"__assert_fail|CleanupOnSignal|__GI_|pthread_kill")
    for line in lines:
        match = re.match(r"\s*#\d+\s+0x[0-9a-f]+\s+(.*)", line)
        if not match or skip.search(match.group(1)):
            continue
        frame = re.sub(r"\s*\(/[^)]*\)$", "", match.group(1))
        frame = re.sub(r"\+0x[0-9a-f]+", "", frame).strip()
        if frame:
            return f"{signal_name(status)} in {frame[:200]}{running}"
    return f"{signal_name(status)}{running}"


def signal_name(status):
    if status is None:
        return "timeout"
    if status < 0:
        names = {6: "SIGABRT", 11: "SIGSEGV", 8: "SIGFPE", 4: "SIGILL", 7: "SIGBUS", 9: "SIGKILL"}
        return names.get(-status, f"signal {-status}")
    return f"exit {status}"


def normalize_paths(line):
    return re.sub(r"(/[\w.+-]+)+/", "", line)


def first_error(stderr):
    """The first `error:` line without its location."""
    for line in stderr.splitlines():
        match = re.search(r"error: (.*)", line)
        if match:
            return match.group(1).strip()
    return None


def is_crash(status, stderr):
    if status is not None and status < 0:
        return True
    return any(marker in stderr for marker in CRASH_MARKERS)


def finding_key(signature):
    """Groups findings that differ only in numbers, names and types."""
    key = re.sub(r"tensor<[^>]*>|memref<[^>]*>|vector<[^>]*>", "T", signature)
    key = re.sub(r"@[\w.$-]+", "@F", key)
    return re.sub(r"\d+", "N", key)


# ---- Statistics made for the purpose --------------------------------------

def channel_range(k):
    base = 0.5 + ((k * 7919) % 97) / 40.0
    if k % 13 == 5:
        base = 7.5 + k % 3  # above the default outlier threshold of 6
    return base


def write_npy(path, rows, cols, values):
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }" % (rows, cols)
    padding = 64 - (10 + len(header) + 1) % 64
    header = header + " " * padding + "\n"
    data = array.array("f", values)
    if sys.byteorder != "little":
        data.byteswap()
    with open(path, "wb") as stream:
        stream.write(b"\x93NUMPY\x01\x00")
        stream.write(len(header).to_bytes(2, "little"))
        stream.write(header.encode("latin1"))
        stream.write(data.tobytes())


def write_statistics(directory, layers):
    """Writes stats.json (and Hessians) for `layers`, {name: K}."""
    os.makedirs(directory, exist_ok=True)
    count = 64
    entries = {}
    for name, channels in sorted(layers.items()):
        absmax = [channel_range(k) for k in range(channels)]
        sumsq = [a * a * count / 3.0 for a in absmax]
        hi = [2.0 ** math.ceil(math.log2(a)) for a in absmax]
        entry = {
            "channels": channels,
            "count": count,
            "min": [-0.9 * a for a in absmax],
            "max": absmax,
            "absmax": absmax,
            "sumsq": sumsq,
            "l2": [math.sqrt(s) for s in sumsq],
            "histogram": {"bins": 8, "lo": [-h for h in hi], "hi": hi,
                          "counts": [[0, 1, 7, 24, 24, 7, 1, 0]] * channels},
        }
        if channels <= 512 and "/" not in name:
            values = []
            for i in range(channels):
                for j in range(channels):
                    values.append(0.25 * count + (count * (1.0 + (i % 7) / 10.0) if i == j else 0.0))
            write_npy(os.path.join(directory, name + ".hessian.npy"), channels, channels, values)
            entry["hessian"] = name + ".hessian.npy"
        entries[name] = entry
    path = os.path.join(directory, "stats.json")
    with open(path, "w") as stream:
        json.dump({"format": "sqz-stats", "version": 1, "layers": entries}, stream)
    return path


def observed_layers(text):
    """{layer name: K} from the sqz.observe ops that --sqz-instrument adds."""
    layers = {}
    for line in text.splitlines():
        if "sqz.observe" not in line:
            continue
        name = re.search(r'id = "([^"]+)"', line)
        types = re.findall(r"tensor<([^>]*)>", line)
        if not name or not types:
            continue
        dims = types[-1].split("x")[:-1]
        if dims and dims[-1].isdigit() and int(dims[-1]) > 0:
            layers[name.group(1)] = int(dims[-1])
    return layers


# ---- Inputs ----------------------------------------------------------------

class Input:
    def __init__(self, label, path, origin):
        self.label = label      # repository-relative name shown in reports
        self.path = path        # file that sqz-opt reads
        self.origin = origin    # category/dialect folder
        self.normalized = None  # sqz-opt's print of the input
        self.stats = None
        self.hessian = None
        self.error = None


def collect_inputs(args, workdir):
    inputs = []
    corpus = os.path.abspath(args.corpus)
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".mlir"):
                path = os.path.join(root, name)
                origin = os.path.relpath(root, corpus)
                inputs.append(Input(os.path.relpath(path, REPO), path, origin))
    if args.extra:
        pieces_dir = os.path.join(workdir, "pieces")
        os.makedirs(pieces_dir, exist_ok=True)
        patterns = [("examples", "squeeze/examples"), ("test/Dialect/Sqz", "squeeze/test-Dialect-Sqz")]
        for folder, origin in patterns:
            directory = os.path.join(REPO, folder)
            if not os.path.isdir(directory):
                continue
            for name in sorted(os.listdir(directory)):
                if not name.endswith(".mlir"):
                    continue
                with open(os.path.join(directory, name), encoding="utf-8") as stream:
                    pieces = split_pieces(stream.read())
                for index, piece in enumerate(pieces):
                    if expects_diagnostics(piece) or not re.search(r"\S", re.sub(r"//.*", "", piece)):
                        continue
                    label = f"{folder}/{name}#{index}"
                    path = os.path.join(pieces_dir, f"{folder.replace('/', '-')}-{name[:-5]}-{index}.mlir")
                    with open(path, "w", encoding="utf-8") as stream:
                        stream.write(piece)
                    inputs.append(Input(label, path, origin))
    if args.inputs:
        pattern = re.compile(args.inputs)
        inputs = [i for i in inputs if pattern.search(i.label)]
    if args.sample is not None and args.sample < len(inputs):
        inputs = sorted(random.Random(args.seed).sample(inputs, args.sample), key=lambda i: i.label)
    return inputs


def prepare(tools, item, workdir, args, env):
    """Checks that the input verifies as it is, and makes its statistics."""
    digest = hashlib.sha1(item.label.encode()).hexdigest()[:10]
    base = os.path.join(workdir, "inputs", digest)
    os.makedirs(base, exist_ok=True)
    normalized = os.path.join(base, "input.mlir")
    status, _, stderr, _ = tools.run(["--mlir-disable-threading", item.path, "-o", normalized],
                                     args.timeout, env)
    if status != 0:
        item.error = first_error(decode(stderr)) or signal_name(status)
        return
    with open(normalized, encoding="utf-8", errors="replace") as stream:
        item.normalized = stream.read()
    status, stdout, _, _ = tools.run(["--mlir-disable-threading", "--sqz-instrument", item.path],
                                     args.timeout, env)
    layers = observed_layers(decode(stdout)) if status == 0 else {}
    stats_dir = os.path.join(base, "stats")
    item.stats = write_statistics(stats_dir, layers)
    item.hessian = stats_dir


# ---- Runs ------------------------------------------------------------------

class Result:
    def __init__(self, item, config, cls, detail, seconds, changed=False):
        self.item = item
        self.config = config
        self.cls = cls
        self.detail = detail
        self.seconds = seconds
        self.changed = changed


def expand(config, item):
    return [a.replace("{stats}", item.stats).replace("{hessian}", item.hessian)
            for a in config[1]]


def run_one(tools, item, config, workdir, args, env, counter):
    name, _ = config
    arguments = expand(config, item)
    with tempfile.TemporaryDirectory(dir=workdir) as scratch:
        output = os.path.join(scratch, "out.mlir")
        base = ["--mlir-disable-threading"]
        status, _, stderr_bytes, seconds = tools.run(
            base + ["--verify-each=0"] + arguments + [item.path, "-o", output], args.timeout, env)
        stderr = decode(stderr_bytes)
        counter.tick()
        if status is None:
            return Result(item, config, "hang", f"no result after {args.timeout:g} s", seconds)
        if is_crash(status, stderr):
            return Result(item, config, "crash", crash_signature(stderr, status), seconds)
        if status != 0:
            error = first_error(stderr)
            if error is None:
                return Result(item, config, "crash",
                              f"{signal_name(status)} without an error diagnostic", seconds)
            multi = len(arguments) > 1 or any("lower-to-cpu" in a for a in arguments)
            if multi:
                status2, _, stderr2_bytes, _ = tools.run(base + arguments + [item.path, "-o", os.devnull],
                                                         args.timeout, env)
                stderr2 = decode(stderr2_bytes)
                if status2 is not None and is_crash(status2, stderr2):
                    return Result(item, config, "crash", crash_signature(stderr2, status2), seconds)
                error2 = first_error(stderr2)
                if status2 != 0 and error2 is not None and error2 != error:
                    return Result(item, config, "invalid-ir",
                                  f"verifier (--verify-each=1): {error2}", seconds)
            return Result(item, config, "rejected", error, seconds)
        try:
            with open(output, encoding="utf-8", errors="replace") as stream:
                text = stream.read()
        except OSError:
            return Result(item, config, "crash", "exit 0 without an output file", seconds)
        if text == item.normalized:
            return Result(item, config, "ok", "", seconds, changed=False)
        status3, _, stderr3_bytes, _ = tools.run(base + [output, "-o", os.devnull], args.timeout, env)
        stderr3 = decode(stderr3_bytes)
        if status3 is None or is_crash(status3, stderr3):
            return Result(item, config, "crash",
                          "re-reading the output: " + (crash_signature(stderr3, status3)), seconds)
        if status3 != 0:
            if args.keep_invalid:
                keep = os.path.join(workdir, "invalid", f"{name}-{os.path.basename(item.path)}")
                os.makedirs(os.path.dirname(keep), exist_ok=True)
                with open(keep, "w", encoding="utf-8") as stream:
                    stream.write(text)
            return Result(item, config, "invalid-ir",
                          f"output does not verify: {first_error(stderr3) or signal_name(status3)}",
                          seconds)
        return Result(item, config, "ok", "", seconds, changed=True)


class Counter:
    def __init__(self, total, quiet, log):
        self.total = total
        self.done = 0
        self.quiet = quiet
        self.lock = threading.Lock()
        self.start = time.time()
        self.log = log

    def record(self, result):
        """Appends one finished run to the --log file (JSON lines)."""
        if self.log is None:
            return result
        with self.lock:
            self.log.write(json.dumps({"class": result.cls, "config": result.config[0],
                                       "input": result.item.label, "detail": result.detail,
                                       "changed": result.changed,
                                       "seconds": round(result.seconds, 3)}) + "\n")
            self.log.flush()
        return result

    def tick(self):
        with self.lock:
            self.done += 1
            if not self.quiet and (self.done % 500 == 0 or self.done == self.total):
                elapsed = time.time() - self.start
                print(f"  {self.done}/{self.total} runs, {elapsed:.0f} s", file=sys.stderr, flush=True)


# ---- Reporting -------------------------------------------------------------

def command_line(tools_dir, config, item):
    """The sqz-opt command of a run, with paths inside the repository made relative."""
    def shown(path):
        return os.path.relpath(path, REPO) if path.startswith(REPO + "/") else path
    arguments = [shown(os.path.join(os.path.abspath(tools_dir), "sqz-opt")), "--mlir-disable-threading"]
    arguments += expand(config, item) + [shown(item.path)]
    return " ".join(shlex.quote(a) for a in arguments)


def findings_of(results):
    groups = {}
    for result in results:
        if result.cls not in FINDING_CLASSES:
            continue
        key = (result.cls, result.config[0], finding_key(result.detail))
        groups.setdefault(key, []).append(result)
    return sorted(groups.values(), key=lambda g: (FINDING_CLASSES.index(g[0].cls), g[0].config[0],
                                                   g[0].detail))


def summary_rows(results, configs):
    rows = []
    for config in configs:
        mine = [r for r in results if r.config is config]
        counts = {cls: sum(1 for r in mine if r.cls == cls) for cls in CLASSES}
        changed = sum(1 for r in mine if r.cls == "ok" and r.changed)
        seconds = sum(r.seconds for r in mine)
        rows.append((config[0], " ".join(config[1]), len(mine), counts, changed, seconds))
    return rows


def print_summary(results, configs, inputs, skipped, tools_dir, elapsed, stream):
    rows = summary_rows(results, configs)
    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"{'option set':<{width}}  {'runs':>5} {'ok':>5} {'(chg)':>6} {'rej':>5} "
          f"{'crash':>5} {'hang':>5} {'inval':>5} {'time s':>7}", file=stream)
    for name, _, total, counts, changed, seconds in rows:
        print(f"{name:<{width}}  {total:5d} {counts['ok']:5d} {changed:6d} {counts['rejected']:5d} "
              f"{counts['crash']:5d} {counts['hang']:5d} {counts['invalid-ir']:5d} {seconds:7.1f}",
              file=stream)
    totals = {cls: sum(1 for r in results if r.cls == cls) for cls in CLASSES}
    print(f"inputs: {len(inputs)} ({len(skipped)} skipped: do not verify as they are); "
          f"runs: {len(results)}; {elapsed:.0f} s", file=stream)
    print("results: " + ", ".join(f"{cls} {totals[cls]}" for cls in CLASSES), file=stream)
    groups = findings_of(results)
    print(f"distinct findings: {len(groups)}", file=stream)
    for group in groups:
        first = group[0]
        more = f" (+{len(group) - 1} more inputs)" if len(group) > 1 else ""
        print(f"[{first.cls}] {first.config[0]}: {' '.join(first.config[1])} | "
              f"{first.item.label}{more} | {first.detail}", file=stream)
        print(f"    repro: {command_line(tools_dir, first.config, first.item)}", file=stream)


def write_report(path, results, configs, inputs, skipped, tools_dir, elapsed, args):
    totals = {cls: sum(1 for r in results if r.cls == cls) for cls in CLASSES}
    lines = ["# Crash sweep", ""]
    lines.append(f"`scripts/crash-sweep.py` with `--tools {args.tools}`, {args.jobs} jobs, "
                 f"timeout {args.timeout:g} s per run"
                 + (f", sample {args.sample} (seed {args.seed})" if args.sample is not None else "")
                 + f": {len(inputs)} inputs x {len(configs)} option sets = {len(results)} runs "
                 f"in {elapsed / 60:.1f} min.")
    lines += ["", "## Inputs", "", "| origin | inputs | skipped |", "|---|---:|---:|"]
    origins = {}
    for item in inputs:
        origins.setdefault(item.origin, [0, 0])[0] += 1
    for item in skipped:
        origins.setdefault(item.origin, [0, 0])[1] += 1
    for origin, (count, skip) in sorted(origins.items()):
        lines.append(f"| {origin} | {count} | {skip} |")
    lines += ["", "## Results", "",
              "| class | runs |", "|---|---:|"]
    for cls in CLASSES:
        lines.append(f"| {cls} | {totals[cls]} |")
    lines += ["", "| option set | arguments | runs | ok | ok, changed | rejected | crash | hang | "
              "invalid-ir | time (s) |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, arguments, total, counts, changed, seconds in summary_rows(results, configs):
        arguments = arguments.replace("|", "\\|")
        lines.append(f"| {name} | `{arguments}` | {total} | {counts['ok']} | {changed} | "
                     f"{counts['rejected']} | {counts['crash']} | {counts['hang']} | "
                     f"{counts['invalid-ir']} | {seconds:.0f} |")
    groups = findings_of(results)
    lines += ["", f"## Findings ({len(groups)} distinct)", ""]
    for number, group in enumerate(groups, 1):
        first = group[0]
        labels = sorted({r.item.label for r in group})
        lines.append(f"{number}. **{first.cls}**, `{first.config[0]}`: {first.detail}")
        lines.append(f"   - inputs ({len(labels)}): " + ", ".join(f"`{l}`" for l in labels[:6])
                     + (" ..." if len(labels) > 6 else ""))
        lines.append(f"   - repro: `{command_line(tools_dir, first.config, first.item)}`")
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")


def discover_passes(tools, env):
    status, stdout, _, _ = tools.run(["--help"], 60, env)
    names = set()
    for line in decode(stdout).splitlines():
        match = re.match(r"\s+--((?:sqz-[\w-]+)|convert-sqz-to-linalg)\b", line)
        if match:
            names.add(match.group(1))
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.path.join(REPO, "test", "Sweep", "corpus"))
    parser.add_argument("--tools", default=os.path.join(REPO, "build", "bin"),
                        help="directory of sqz-opt (e.g. a sanitizer build)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per run (a hang)")
    parser.add_argument("--sample", type=int, help="run on N random inputs only")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--configs", help="regex: only the option sets whose name matches")
    parser.add_argument("--inputs", help="regex: only the inputs whose path matches")
    parser.add_argument("--no-extra", dest="extra", action="store_false",
                        help="leave out examples/ and test/Dialect/Sqz/")
    parser.add_argument("--report", help="write a markdown report to this file")
    parser.add_argument("--workdir", help="keep pieces, statistics and invalid outputs here")
    parser.add_argument("--keep-invalid", action="store_true",
                        help="keep the outputs that do not verify (under WORKDIR/invalid)")
    parser.add_argument("--log", help="append one JSON line per finished run to this file")
    parser.add_argument("--list", action="store_true", help="print the option sets and exit")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()

    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "allow_user_poisoning=0:detect_leaks=0")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1")
    tools = Tools(os.path.abspath(args.tools))
    tools.wait()
    available = discover_passes(tools, env)
    if not available:
        print("crash-sweep: no sqz pass in sqz-opt --help", file=sys.stderr)
        return 2
    configs = []
    for config in CONFIGS:
        missing = [p for p in config_passes(config) if p.startswith(("sqz", "convert-sqz"))
                   and p not in available]
        if missing:
            print(f"crash-sweep: option set {config[0]} skipped: sqz-opt has no {', '.join(missing)}",
                  file=sys.stderr)
            continue
        configs.append(config)
    covered = {p for config in configs for p in config_passes(config)}
    for name in sorted(available - covered):
        print(f"crash-sweep: {name} has no option set here; running it with its defaults",
              file=sys.stderr)
        configs.append((f"{name}.default", ["--" + name]))
    if args.configs:
        pattern = re.compile(args.configs)
        configs = [c for c in configs if pattern.search(c[0])]
    if args.list:
        for name, arguments in configs:
            print(f"{name:32} {' '.join(shlex.quote(a) for a in arguments)}")
        return 0

    workdir = os.path.abspath(args.workdir) if args.workdir else tempfile.mkdtemp(prefix="sqz-sweep-")
    os.makedirs(workdir, exist_ok=True)
    start = time.time()
    stamp = tools.stamp()
    inputs = collect_inputs(args, workdir)
    if not inputs:
        print("crash-sweep: no inputs", file=sys.stderr)
        return 2
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        list(pool.map(lambda i: prepare(tools, i, workdir, args, env), inputs))
    skipped = [i for i in inputs if i.normalized is None]
    inputs = [i for i in inputs if i.normalized is not None]
    if not args.quiet:
        print(f"crash-sweep: {len(inputs)} inputs ({len(skipped)} skipped), {len(configs)} option "
              f"sets, {args.jobs} jobs, work directory {workdir}", file=sys.stderr)
    tasks = [(item, config) for item in inputs for config in configs]
    log = open(args.log, "a", encoding="utf-8") if args.log else None
    counter = Counter(len(tasks), args.quiet, log)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(
            lambda t: counter.record(run_one(tools, t[0], t[1], workdir, args, env, counter)), tasks))
    if log:
        log.close()
    elapsed = time.time() - start
    if tools.stamp() != stamp:
        print("crash-sweep: warning: sqz-opt changed during the sweep; rerun for consistent results",
              file=sys.stderr)
    print_summary(results, configs, inputs, skipped, args.tools, elapsed, sys.stdout)
    if args.report:
        write_report(args.report, results, configs, inputs, skipped, args.tools, elapsed, args)
    if not args.workdir and not any(r.cls in FINDING_CLASSES for r in results):
        subprocess.run(["rm", "-rf", workdir])
    elif not args.quiet:
        print(f"crash-sweep: inputs, statistics and pieces kept in {workdir}", file=sys.stderr)
    return 1 if any(r.cls in FINDING_CLASSES for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
