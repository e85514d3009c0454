#!/usr/bin/env bash
# Installs the Debian 12 packages gilvm needs to build, test, benchmark and fuzz.
# Idempotent and quiet when everything is already installed; runs `apt-get update` only when
# something is missing, and `sudo` only when not root.
set -euo pipefail

PACKAGES=(
  cmake g++ ninja-build pkg-config
  libabsl-dev libre2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libedit-dev python3 unicode-data
  clang libclang-rt-14-dev
  python3-jsonschema
  # tests/gil/check_report.py loads the --gil-report page in headless Chromium. Its recommends
  # (mesa, upower, fonts-liberation...) are not needed: with --disable-gpu it draws in software,
  # with the DejaVu fonts that fontconfig depends on.
  chromium
)

installed() {
  # `dpkg -s` also succeeds for removed packages whose config files remain: check the status.
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  SUDO=(sudo)
fi
echo "setup-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
