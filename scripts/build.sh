#!/usr/bin/env bash
# Configures and builds one flavour of gilvm with CMake + Ninja, each in its own directory:
#
#   release   build/           RelWithDebInfo; build/gilvm is the interpreter
#   asan      build-asan/      ASan + UBSan, -O1 -g, assertions on
#   tsan      build-tsan/      TSan, -O1 -g, assertions on
#   gcstress  build-gcstress/  collect at every allocation (GILVM_GC_STRESS), -O1 -g
#   fuzz      build-fuzz/      clang, libFuzzer target build-fuzz/fuzz/fuzz_compile
#
# Usage: scripts/build.sh [flavour] [extra cmake --build args, e.g. --target gilvm]
# Configures only when the directory is new or its configure arguments changed; otherwise this
# is just `cmake --build`, which is quick when everything is up to date.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

flavour=${1:-release}
shift || true

# Debug-ish flavours: assertions on (no NDEBUG), light optimisation so the tests stay fast.
# -g1 (line tables only) keeps sanitizer reports readable and compiles much faster than -g.
debug_o1=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1")
compiler_env=()
targets=()
case "$flavour" in
  release)
    dir=build
    args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
    ;;
  asan)
    dir=build-asan
    args=("${debug_o1[@]}" "-DGILVM_SANITIZE=address,undefined" -DGILVM_BENCH=OFF)
    ;;
  tsan)
    dir=build-tsan
    args=("${debug_o1[@]}" -DGILVM_SANITIZE=thread -DGILVM_BENCH=OFF)
    ;;
  gcstress)
    dir=build-gcstress
    args=("${debug_o1[@]}" -DGILVM_GC_STRESS=ON -DGILVM_BENCH=OFF)
    ;;
  fuzz)
    dir=build-fuzz
    compiler_env=(CC=clang CXX=clang++)
    # The whole tree is built with ASan+UBSan so the code under test is checked as well as the
    # harness; fuzz/CMakeLists.txt adds the coverage instrumentation. Only the fuzz targets are
    # built: the CLI and the rest are not needed here.
    args=("${debug_o1[@]}" -DGILVM_FUZZ=ON -DGILVM_TESTS=OFF -DGILVM_BENCH=OFF
          "-DGILVM_SANITIZE=address,undefined")
    targets=(--target fuzz_compile)
    ;;
  -h|--help)
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "build.sh: unknown flavour '$flavour' (release, asan, tsan, gcstress, fuzz)" >&2
    exit 2
    ;;
esac

if command -v ccache >/dev/null 2>&1; then
  args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

jobs=$(nproc 2>/dev/null || echo 2)
stamp="$dir/.gilvm-configure-args"
wanted="${compiler_env[*]} ${args[*]}"

if [[ -f "$dir/CMakeCache.txt" ]] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$dir/CMakeCache.txt"; then
  # Configured by hand with another generator: CMake refuses to switch, so start over.
  echo "build.sh: $dir was not configured for Ninja; reconfiguring from scratch" >&2
  rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
fi
if [[ ! -f "$dir/build.ninja" || ! -f "$stamp" || "$(cat "$stamp")" != "$wanted" ]]; then
  rm -f "$stamp"
  env "${compiler_env[@]}" cmake -S . -B "$dir" -G Ninja "${args[@]}"
  printf '%s' "$wanted" >"$stamp"
fi
cmake --build "$dir" -j "$jobs" "${targets[@]}" "$@"
