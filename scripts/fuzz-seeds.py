#!/usr/bin/python3
"""Collects the seed corpora of the fuzzers (test/Fuzz) from the test suite.

Usage: fuzz-seeds.py SOURCE_ROOT OUT_DIR [TEST_OUTPUT_DIR]

Writes OUT_DIR/<target>/<sha1 of the content>, one file per seed:

- sqz-dialect: every .mlir test of test/Dialect/Sqz, test/Pipelines and
  test/Integration split at `// -----`, with whole-line comments (RUN and
  CHECK lines) dropped, and examples/*.mlir;
- stats: the statistics files of the tests (test/**/*.json);
- npy: .npy files made here with numpy (every dtype sqz-run reads, 0-d to
  3-d, format versions 1.0 and 2.0, and the kinds the reader rejects:
  Fortran order, big-endian, complex), plus the small .npy files that a test
  run left under TEST_OUTPUT_DIR, when given.

OUT_DIR is emptied first. Nothing here is committed: the seeds follow the
tests.
"""

import hashlib
import io
import pathlib
import shutil
import sys

MAX_SEED_BYTES = 64 * 1024


def add(out: pathlib.Path, data: bytes) -> bool:
    if not data or len(data) > MAX_SEED_BYTES:
        return False
    out.mkdir(parents=True, exist_ok=True)
    path = out / hashlib.sha1(data).hexdigest()
    new = not path.exists()
    path.write_bytes(data)
    return new


def mlir_seeds(root: pathlib.Path, out: pathlib.Path) -> int:
    files = []
    for folder in ("test/Dialect/Sqz", "test/Pipelines", "test/Integration"):
        files += sorted((root / folder).glob("*.mlir"))
    files += sorted((root / "examples").glob("*.mlir"))
    count = 0
    for path in files:
        for chunk in path.read_text().split("// -----"):
            lines = [line for line in chunk.splitlines()
                     if not line.lstrip().startswith("//")]
            text = "\n".join(lines).strip()
            if text:
                count += add(out, (text + "\n").encode())
    return count


def stats_seeds(root: pathlib.Path, out: pathlib.Path) -> int:
    return sum(add(out, path.read_bytes())
               for path in sorted((root / "test").rglob("*.json")))


def npy_seeds(out: pathlib.Path, test_output: pathlib.Path | None) -> int:
    import numpy as np

    def save(array, version=None) -> bytes:
        buffer = io.BytesIO()
        if version is None:
            np.save(buffer, array)
        else:
            np.lib.format.write_array(buffer, array, version=version)
        return buffer.getvalue()

    rng = np.random.default_rng(0)
    arrays = []
    for dtype in ("bool", "int8", "uint8", "int16", "uint16", "int32",
                  "uint32", "int64", "uint64", "float16", "float32",
                  "float64"):
        for shape in ((), (0,), (3,), (2, 3), (2, 1, 2)):
            arrays.append(rng.integers(-3, 4, size=shape).astype(dtype))
    count = sum(add(out, save(array)) for array in arrays)
    count += add(out, save(np.zeros((2, 3), np.float32), version=(2, 0)))
    count += add(out, save(np.zeros((2, 3), np.int8), version=(3, 0)))
    count += add(out, save(np.asfortranarray(np.zeros((4, 2), np.float32))))
    count += add(out, save(np.zeros((4, 2), ">f4")))
    count += add(out, save(np.zeros((4, 2), np.complex64)))
    if test_output is not None and test_output.is_dir():
        for path in sorted(test_output.rglob("*.npy")):
            if path.is_file() and path.stat().st_size <= 4096:
                count += add(out, path.read_bytes())
    return count


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    test_output = pathlib.Path(sys.argv[3]) if len(sys.argv) == 4 else None
    shutil.rmtree(out, ignore_errors=True)
    counts = {
        "sqz-dialect": mlir_seeds(root, out / "sqz-dialect"),
        "stats": stats_seeds(root, out / "stats"),
        "npy": npy_seeds(out / "npy", test_output),
    }
    print("fuzz-seeds: " + ", ".join(f"{name} {count}"
                                     for name, count in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
