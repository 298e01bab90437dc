#!/usr/bin/python3
"""Lists the GPU kernels that a model library made by `sqz-compile
--target=cuda` embeds, with the counts of selected SASS instructions.

The library holds each kernel module as an sm_XX cubin (an ELF image with
e_machine EM_CUDA) inside its read-only data. Each is cut out and
disassembled with `cuobjdump -sass` (CUDA's, from $CUDA_HOME/bin, PATH, or
PyPI's nvidia-cuda-cuobjdump with --cuobjdump). Prints one line per kernel:

  module 3 kernel NAME: 412 instructions, IMMA 2, HMMA 0, HMMA.SP 0, ...

Usage: gpu_kernels_in_library.py LIBRARY.so [--cuobjdump PATH]
Exits 1 when the library holds no cubin or cuobjdump fails.
"""

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

EM_CUDA = 190
COUNTED = ["IMMA", "HMMA", "HMMA.SP", "IMMA.SP", "BAR.SYNC", "LDS", "STS", "FFMA", "FMUL"]


def cubins(data: bytes):
    """The embedded CUDA ELF images, in order."""
    found = []
    start = 1  # the library itself is an ELF at offset 0
    while True:
        at = data.find(b"\x7fELF", start)
        if at < 0:
            return found
        start = at + 4
        if len(data) < at + 64 or data[at + 4] != 2:  # ELFCLASS64
            continue
        machine = struct.unpack_from("<H", data, at + 18)[0]
        if machine != EM_CUDA:
            continue
        phoff, shoff = struct.unpack_from("<QQ", data, at + 0x20)
        phentsize, phnum, shentsize, shnum = struct.unpack_from("<HHHH", data, at + 0x36)
        size = max(shoff + shentsize * shnum, phoff + phentsize * phnum)
        found.append(data[at:at + size])
        start = at + size


def find_cuobjdump(given):
    if given:
        return given
    for candidate in (os.path.join(os.environ.get("CUDA_HOME", "/usr/local/cuda"),
                                   "bin", "cuobjdump"), shutil.which("cuobjdump")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("gpu_kernels_in_library: no cuobjdump (give --cuobjdump, or pip "
             "install nvidia-cuda-cuobjdump)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library")
    parser.add_argument("--cuobjdump")
    args = parser.parse_args()
    tool = find_cuobjdump(args.cuobjdump)
    with open(args.library, "rb") as f:
        images = cubins(f.read())
    if not images:
        sys.exit(f"gpu_kernels_in_library: no cubin in {args.library}")
    with tempfile.TemporaryDirectory() as work:
        for number, image in enumerate(images):
            path = os.path.join(work, f"module{number}.cubin")
            with open(path, "wb") as f:
                f.write(image)
            # cuobjdump runs nvdisasm, which PyPI puts beside it.
            env = dict(os.environ)
            env["PATH"] = os.path.dirname(os.path.abspath(tool)) + os.pathsep + env.get("PATH", "")
            result = subprocess.run([tool, "-sass", path], capture_output=True, text=True,
                                    env=env)
            if result.returncode != 0:
                sys.exit(f"gpu_kernels_in_library: cuobjdump failed: {result.stderr.strip()}")
            for function, body in re.findall(r"Function : (\S+)\n(.*?)(?=\n\s*Function :|\Z)",
                                             result.stdout, re.S):
                ops = re.findall(r"/\*[0-9a-f]{4}\*/\s+(?:@!?U?P\d+\s+)?([A-Z][A-Z0-9_.]*)", body)
                counts = {name: sum(1 for op in ops if op == name or op.startswith(name + "."))
                          for name in COUNTED}
                # HMMA.SP and IMMA.SP are counted apart from plain HMMA / IMMA.
                counts["HMMA"] -= counts["HMMA.SP"]
                counts["IMMA"] -= counts["IMMA.SP"]
                print(f"module {number} kernel {function}: "
                      f"{len(ops)} instructions, " +
                      ", ".join(f"{name} {counts[name]}" for name in COUNTED))
    return 0


if __name__ == "__main__":
    sys.exit(main())
