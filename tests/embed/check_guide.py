#!/usr/bin/env python3
"""Checks that every ```cpp block of docs/embedding.md is compiled by the tests: each must
appear verbatim in tests/embed/guide_test.cc or a file of examples/embed/ (both are built and
run by ctest). Usage: check_guide.py <repo root>"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
guide = (root / "docs/embedding.md").read_text()
sources = [(root / "tests/embed/guide_test.cc").read_text()]
sources += [p.read_text() for p in sorted((root / "examples/embed").glob("*.cc"))]

blocks = re.findall(r"```cpp\n(.*?)```", guide, re.S)
missing = [b for b in blocks if not any(b in s for s in sources)]
for b in missing:
    print("not compiled by any test:\n" + b)
print(f"{len(blocks) - len(missing)}/{len(blocks)} C++ blocks of docs/embedding.md are compiled by the tests")
sys.exit(1 if missing or not blocks else 0)
