#!/usr/bin/env bash
# Installs what is missing, builds the release flavour, runs the language demo, then the headline
# GIL experiment (CPU-bound work in 1, 2 and 4 threads) with the GIL's statistics on stderr.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup-deps.sh
bash scripts/build.sh release

build/gilvm examples/demo.py
echo
echo "(build/gilvm with no arguments opens the interactive prompt; Ctrl-D leaves it)"
echo
exec build/gilvm --gil-stats examples/gil/cpu_threads.py
