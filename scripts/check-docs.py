#!/usr/bin/python3
"""Runs the shell blocks of the documentation as written.

Every fenced block tagged sh, bash or shell in README.md and docs/ (the
generated reference included) is a command that a reader may paste after the
README's set-up; this script checks that each one runs. It first runs
scripts/setup.sh (the set-up itself, quick when nothing changed), then, per
page:

- copies the files that git tracks, as they are in the working tree (edits
  included; a new file counts once it is added), into a fresh temporary
  directory: what a clone has, without the outputs of earlier runs. Its
  build/ holds links to the entries of the real build directory
  ($SQZ_BUILD_DIR or build/): the tools are used as built and nothing is
  rebuilt. A new entry that a page makes directly under build/ stays in
  the copy, but writes into an existing entry (build/bin, build/minilm)
  reach the real build: pages write their outputs under examples/out/;
- runs the page's blocks in order as one `bash -euo pipefail` script in that
  directory, so that a block may use what an earlier block of the same page
  made. The first failing command fails the page.

A block is left out only with a marker on the line right before its fence:

    <!-- docs-run: skip (needs an NVIDIA GPU) -->    always, for this reason
    <!-- docs-run: needs ptxas -->                   where the machine lacks
                                                     ptxas (a CUDA toolkit)

Pages under docs/reference/ name the tools as installed commands (their
text comes from the ODS descriptions), so build/bin is put on PATH there.

Prints one line per page (with the output's tail and the failing command
when it fails) and ends with `N passed, N failed` (`, N skipped` when any
block was skipped), counting blocks; the blocks after a failing one did not
run and count as failed. Exits non-zero when any block failed.

  scripts/check-docs.py                      every page
  scripts/check-docs.py docs/guide.md        some pages
  scripts/check-docs.py --no-setup           the build is known to be fresh
  scripts/check-docs.py --keep               keep the directories to look at
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHELL_LANGS = {"sh", "bash", "shell"}
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*([^\s`{]*)")
MARKER = re.compile(r"^<!--\s*docs-run:(.*?)-->\s*$")
SKIP = re.compile(r"^\s*skip\s*\((.+)\)\s*$")
NEEDS = re.compile(r"^\s*needs\s+(\S+)\s*$")
TAIL_LINES = 25


def has_ptxas():
    cuda = os.environ.get("CUDA_HOME") or "/usr/local/cuda"
    return os.access(os.path.join(cuda, "bin", "ptxas"), os.X_OK)


# What `needs` may name: the optional parts of a machine that the set-up does
# not install, as test/lit.cfg.py detects them (its REQUIRES features).
FEATURES = {
    "ptxas": (has_ptxas, "a CUDA toolkit's ptxas, in $CUDA_HOME/bin or "
              "/usr/local/cuda/bin"),
}


class Block:
    def __init__(self, line, lang, text, skip):
        self.line = line  # the line of the opening fence, from 1
        self.lang = lang
        self.text = text
        self.skip = skip  # why it does not run here, or None


def parse_page(path):
    """Returns the page's shell blocks and the errors in its markers."""
    blocks, errors = [], []
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, lang = m.group(1), m.group(2).lower()
        start = i
        body = []
        i += 1
        while i < len(lines):
            close = lines[i].strip()
            if close.startswith(fence) and not close.strip(fence[0]):
                break
            body.append(lines[i])
            i += 1
        i += 1
        marker = MARKER.match(lines[start - 1]) if start > 0 else None
        skip = None
        if marker:
            s = SKIP.match(marker.group(1))
            n = NEEDS.match(marker.group(1))
            if s:
                skip = s.group(1).strip()
            elif n and n.group(1) in FEATURES:
                present, what = FEATURES[n.group(1)]
                if not present():
                    skip = "needs %s" % what
            else:
                errors.append(
                    "%d: a docs-run marker reads '<!-- docs-run: skip "
                    "(reason) -->' or '<!-- docs-run: needs FEATURE -->', "
                    "FEATURE one of %s" % (start, ", ".join(sorted(FEATURES))))
            if lang not in SHELL_LANGS:
                errors.append("%d: a docs-run marker before a block that is "
                              "not run (%s)" % (start, lang or "no language"))
        if lang in SHELL_LANGS:
            blocks.append(Block(start + 1, lang, "\n".join(body), skip))
    return blocks, errors


def pages(selected):
    if selected:
        return [os.path.relpath(os.path.abspath(p), ROOT) for p in selected]
    found = ["README.md"]
    for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, "docs")):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".md"):
                found.append(
                    os.path.relpath(os.path.join(dirpath, name), ROOT))
    return found


def repository_files():
    out = subprocess.run(
        ["git", "-C", ROOT, "ls-files", "-z", "--cached"],
        check=True, stdout=subprocess.PIPE).stdout.decode()
    return sorted(set(f for f in out.split("\0") if f))


def make_copy(files, build, dest):
    """Copies files into dest and links the build directory's entries."""
    for f in files:
        src = os.path.join(ROOT, f)
        if not os.path.lexists(src):
            continue  # deleted in the working tree
        dst = os.path.join(dest, f)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if os.path.islink(src) or not os.path.isdir(src):
            shutil.copy2(src, dst, follow_symlinks=False)
    os.makedirs(os.path.join(dest, "build"), exist_ok=True)
    for entry in sorted(os.listdir(build)):
        os.symlink(os.path.join(build, entry),
                   os.path.join(dest, "build", entry))


def script_for(page, blocks, status):
    """One bash script for the page's blocks; it records in the file status
    the block that runs and, on an error, the command that failed."""
    parts = [
        "set -euo pipefail",
        "trap 'printf \"%%s\\n%%s\\n\" \"$?\" \"$BASH_COMMAND\" >>%s' ERR"
        % shquote(status),
    ]
    for n, b in enumerate(blocks):
        if b.skip is not None:
            continue
        parts.append("printf 'block %d\\n' >%s" % (n, shquote(status)))
        parts.append("# %s:%d" % (page, b.line))
        parts.append(b.text)
    parts.append("printf 'done\\n' >%s" % shquote(status))
    return "\n".join(parts) + "\n"


def shquote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def tail(text, n=TAIL_LINES):
    lines = text.rstrip("\n").split("\n")
    return "\n".join("    | " + l for l in lines[-n:])


def run_page(page, blocks, files, build, timeout, keep):
    """Runs the page's blocks; returns (passed, failed, report)."""
    runnable = [n for n, b in enumerate(blocks) if b.skip is None]
    work = tempfile.mkdtemp(prefix="check-docs-")
    repo = os.path.join(work, "repo")
    status = os.path.join(work, "status")
    log = os.path.join(work, "log")
    try:
        make_copy(files, build, repo)
        with open(os.path.join(work, "page.sh"), "w") as f:
            f.write(script_for(page, blocks, status))
        env = dict(os.environ)
        if page.startswith("docs/reference/"):
            env["PATH"] = os.path.join(repo, "build", "bin") + os.pathsep + \
                env.get("PATH", "")
        start = time.monotonic()
        with open(log, "wb") as out:
            proc = subprocess.Popen(
                ["bash", os.path.join(work, "page.sh")], cwd=repo, env=env,
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True)
            timed_out = False
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
            finally:
                # The page's processes, on a timeout or Ctrl-C too, and any
                # it left in the background: they run in a process group of
                # their own (setsid), out of the terminal's reach.
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                rc = proc.wait()
        seconds = time.monotonic() - start
        state = []
        if os.path.exists(status):
            state = open(status).read().split("\n")
        output = open(log, encoding="utf-8", errors="replace").read()
        if rc == 0 and state[:1] == ["done"]:
            n = len(runnable)
            return n, 0, "ok    %s (%d block%s, %.0f s)" % (
                page, n, "" if n == 1 else "s", seconds)
        block = None
        if state[:1] and state[0].startswith("block "):
            block = int(state[0].split()[1])
        where = page if block is None else "%s:%d" % (page, blocks[block].line)
        if timed_out:
            why = "timed out after %d s" % timeout
        elif len(state) >= 3:
            why = "exit %s: %s" % (state[1], state[2].strip())
        else:
            why = "exit %d" % rc
        report = "FAIL  %s: %s" % (where, why)
        if keep:
            report += "\n    (kept in %s)" % repo
        if output.strip():
            report += "\n" + tail(output)
        done = runnable.index(block) if block in runnable else 0
        return done, len(runnable) - done, report
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(
        description="Runs the shell blocks of README.md and docs/ as written.")
    parser.add_argument("pages", nargs="*",
                        help="pages to check (default: README.md, docs/)")
    parser.add_argument("--no-setup", action="store_true",
                        help="do not run scripts/setup.sh first")
    parser.add_argument("--timeout", type=int, default=300,
                        help="seconds a page may run (default: 300)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary directories")
    args = parser.parse_args()

    build = os.path.abspath(os.environ.get("SQZ_BUILD_DIR") or
                            os.path.join(ROOT, "build"))
    if not args.no_setup:
        setup = subprocess.run(
            [os.path.join(ROOT, "scripts", "setup.sh")],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if setup.returncode != 0:
            print("FAIL  scripts/setup.sh: exit %d" % setup.returncode)
            print(tail(setup.stdout.decode(errors="replace")))
            print("0 passed, 1 failed")
            return 1

    files = repository_files()
    passed = failed = skipped = 0
    for page in pages(args.pages):
        blocks, errors = parse_page(os.path.join(ROOT, page))
        if errors:
            print("FAIL  %s: bad markers" % page)
            for e in errors:
                print("    | %s:%s" % (page, e))
            failed += max(1, len(blocks))
            continue
        for b in blocks:
            if b.skip is not None:
                print("skip  %s:%d: %s" % (page, b.line, b.skip))
                skipped += 1
        if not any(b.skip is None for b in blocks):
            continue
        p, f, report = run_page(page, blocks, files, build, args.timeout,
                                args.keep)
        print(report, flush=True)
        passed += p
        failed += f
    line = "%d passed, %d failed" % (passed, failed)
    if skipped:
        line += ", %d skipped" % skipped
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
