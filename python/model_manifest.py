#!/usr/bin/python3
"""Prints the manifest of model libraries made by sqz-compile (the
`sqz_model_manifest` text: format version, target, each entry point's
arguments and results; sqz/Support/ModelManifest.h), read from the file's
bytes without loading it.

Usage: model_manifest.py LIBRARY.so [...]   (with several, each under a
"== LIBRARY" line). Exits 1 when a file holds no manifest.
"""

import sys


def manifest(path: str) -> str:
    with open(path, "rb") as f:
        data = f.read()
    start = data.find(b"sqz-model ")
    if start < 0:
        sys.exit(f"model_manifest: {path} holds no model manifest")
    return data[start:data.index(b"\0", start)].decode()


def main():
    paths = sys.argv[1:]
    if not paths:
        sys.exit(__doc__.strip())
    for path in paths:
        if len(paths) > 1:
            print(f"== {path}")
        print(manifest(path), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
