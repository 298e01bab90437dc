#!/usr/bin/python3
"""Checks that every C++ source of the project is clang-format clean.

Usage: check-format.py SOURCE_ROOT [CLANG_FORMAT]. Prints each file that
differs from its formatted form and exits non-zero if there is any.
"""

import pathlib
import subprocess
import sys

FOLDERS = ("include", "lib", "tools", "runtime", "test/Fuzz")
SUFFIXES = (".cpp", ".h", ".c")


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    clang_format = sys.argv[2] if len(sys.argv) > 2 else "clang-format-22"
    files = sorted(
        path
        for folder in FOLDERS
        for path in (root / folder).rglob("*")
        if path.suffix in SUFFIXES and path.is_file()
    )
    if not files:
        print(f"check-format: no sources under {root}", file=sys.stderr)
        return 1
    unformatted = []
    for path in files:
        formatted = subprocess.run(
            [clang_format, f"--style=file:{root / '.clang-format'}", str(path)],
            check=True, capture_output=True, text=True).stdout
        if formatted != path.read_text():
            unformatted.append(path.relative_to(root))
    for path in unformatted:
        print(f"not clang-format clean: {path}")
    print(f"check-format: {len(files)} files, {len(unformatted)} unformatted")
    return 1 if unformatted else 0


if __name__ == "__main__":
    sys.exit(main())
