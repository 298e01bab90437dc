#!/usr/bin/python3
"""Prints lit's result counts from its xUnit report as `N passed, N failed`.

Usage: lit-summary.py RESULTS.xml. Exits non-zero when any test failed or
when the report is missing or holds no test, so a broken run never reads as
a green one.
"""

import sys
import xml.etree.ElementTree as ElementTree


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: lit-summary.py RESULTS.xml", file=sys.stderr)
        return 2
    try:
        cases = ElementTree.parse(sys.argv[1]).getroot().iter("testcase")
    except (OSError, ElementTree.ParseError) as error:
        print(f"lit-summary: cannot read {sys.argv[1]}: {error}", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1
    passed = failed = skipped = 0
    for case in cases:
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
