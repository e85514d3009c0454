#!/usr/bin/env bash
# Installs what is missing, builds the release flavour and runs the demo with build/gilvm.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup-deps.sh
bash scripts/build.sh release

if [[ -f examples/demo.py ]]; then
  exec build/gilvm examples/demo.py
fi
echo "demo.sh: examples/demo.py does not exist yet; running a one-liner instead" >&2
exec build/gilvm -c "print('gilvm works')"
