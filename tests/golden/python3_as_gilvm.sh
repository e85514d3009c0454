#!/bin/sh
# Stand-in for the gilvm binary that runs CPython instead, with the same output
# normalization as the expected files. Every golden test must pass with it:
#   golden_test --gilvm=tests/golden/python3_as_gilvm.sh --dir=tests/golden
exec python3 "$(dirname "$0")/regen.py" --run "$@"
