#!/usr/bin/env bash
# Runs every test stage of gilvm; this is what CI runs (.ci/run).
#
#   deps      scripts/setup-deps.sh
#   release   build/ + ctest
#   asan      build-asan/ (ASan+UBSan) + ctest
#   gcstress  the asan build's tests again with GILVM_GC_STRESS=1 (a collection at every
#             allocation), GILVM_TEST_TIMEOUT=300, then the release build's golden tests with
#             it; no build of its own
#   tsan      build-tsan/ + ctest; only once tests/TSAN_ENABLED exists
#   fuzz      build-fuzz/ + fuzz_compile for GILVM_FUZZ_SECONDS (default 60) seconds, seeded
#             with a temporary copy of every tests/golden/**/*.py (0: build only)
#
# Usage: scripts/test.sh [stage...]   (default: all of them; deps always runs)
# Every stage runs even when an earlier one failed. The last line is
# `gilvm: N passed, M failed`, counting stages; the exit status is non-zero if any failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT=$(pwd)

JOBS=$(nproc 2>/dev/null || echo 2)
FUZZ_SECONDS=${GILVM_FUZZ_SECONDS:-60}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Per-stage results, for the summary.
declare -a SUMMARY=()
PASSED=0
FAILED=0
DETAIL=""  # a stage appends "build 12s, ctest 3s" here

now() { date +%s; }

# step NAME CMD...: runs one step of a stage and records its time in DETAIL.
step() {
  local name=$1 t0 rc
  shift
  t0=$(now)
  "$@"
  rc=$?
  DETAIL+="${DETAIL:+, }$name $(($(now) - t0))s"
  return "$rc"
}

run_ctest() {
  ctest --test-dir "$1" --output-on-failure --no-tests=error -j "$JOBS"
}

# The GC-stress mode is a runtime switch, so it reuses the ASan+UBSan build: a rooting bug then
# shows up as a use-after-free report rather than as silent corruption. Sanitized builds give
# every object its own allocation, so the golden tests run once more on the release build, whose
# objects live in the heap's slabs: that covers the slab sweep at every allocation (about 50 s).
stage_gcstress() {
  local rc=0
  step build bash scripts/build.sh asan || return 1
  GILVM_GC_STRESS=1 GILVM_TEST_TIMEOUT=300 step ctest run_ctest build-asan || rc=1
  step build-release bash scripts/build.sh release || return 1
  GILVM_GC_STRESS=1 step golden-slabs ctest --test-dir build --output-on-failure -R '^golden$' || rc=1
  return "$rc"
}

stage_deps() {
  bash scripts/setup-deps.sh
}

# stage_flavour FLAVOUR: build it, then its tests.
stage_flavour() {
  local flavour=$1 dir
  case "$flavour" in
    release) dir=build ;;
    *) dir=build-$flavour ;;
  esac
  step build bash scripts/build.sh "$flavour" || return 1
  # Sanitized builds run CPU-bound examples (examples/processes.py) 20x slower than release.
  if [[ $flavour == gcstress || $flavour == tsan ]]; then
    GILVM_TEST_TIMEOUT=300 step ctest run_ctest "$dir"
  else
    step ctest run_ctest "$dir"
  fi
}

run_fuzz() {
  local corpus rc f rel
  if [[ $FUZZ_SECONDS -le 0 ]]; then
    # libFuzzer reads -max_total_time=0 as "forever".
    echo "fuzz: GILVM_FUZZ_SECONDS=$FUZZ_SECONDS: built, not run"
    return 0
  fi
  corpus=$(mktemp -d "${TMPDIR:-/tmp}/gilvm-fuzz-corpus.XXXXXX") || return 1
  while IFS= read -r -d '' f; do
    rel=${f#tests/golden/}
    cp "$f" "$corpus/${rel//\//__}"
  done < <(find tests/golden -name '*.py' -type f -print0)
  echo "fuzz: $(find "$corpus" -type f | wc -l) seeds, ${FUZZ_SECONDS}s; log in build-fuzz/fuzz.log"
  rm -rf build-fuzz/artifacts && mkdir -p build-fuzz/artifacts
  build-fuzz/fuzz/fuzz_compile -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$ROOT/build-fuzz/artifacts/" "$corpus" \
    >build-fuzz/fuzz.log 2>&1
  rc=$?
  rm -rf "$corpus"
  if [[ $rc -ne 0 ]]; then
    echo "fuzz: fuzz_compile exited with $rc; the end of build-fuzz/fuzz.log:"
    tail -n 60 build-fuzz/fuzz.log
    echo "fuzz: reproduce with: build-fuzz/fuzz/fuzz_compile build-fuzz/artifacts/<file>"
    ls -l build-fuzz/artifacts/
  else
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' build-fuzz/fuzz.log
  fi
  return "$rc"
}

stage_fuzz() {
  step build bash scripts/build.sh fuzz || return 1
  step run run_fuzz
}

# run_stage NAME FUNCTION [ARGS...]
run_stage() {
  local name=$1 t0 rc
  shift
  echo
  echo "==== test.sh: stage $name"
  DETAIL=""
  t0=$(now)
  "$@"
  rc=$?
  local secs=$(($(now) - t0)) verdict=PASS
  if [[ $rc -eq 0 ]]; then
    PASSED=$((PASSED + 1))
  else
    verdict=FAIL
    FAILED=$((FAILED + 1))
  fi
  SUMMARY+=("$(printf '%-9s %s %5ds%s' "$name" "$verdict" "$secs" "${DETAIL:+  ($DETAIL)}")")
  echo "==== test.sh: stage $name: $verdict in ${secs}s"
}

wanted() {
  # With no arguments every stage is wanted; otherwise only the named ones.
  local s
  [[ ${#STAGES[@]} -eq 0 ]] && return 0
  for s in "${STAGES[@]}"; do [[ $s == "$1" ]] && return 0; done
  return 1
}

STAGES=("$@")
for s in "${STAGES[@]}"; do
  case "$s" in
    deps|release|asan|gcstress|tsan|fuzz) ;;
    *) echo "test.sh: unknown stage '$s' (release, asan, gcstress, tsan, fuzz)" >&2; exit 2 ;;
  esac
done

T_START=$(now)
run_stage deps stage_deps
for flavour in release asan; do
  wanted "$flavour" && run_stage "$flavour" stage_flavour "$flavour"
done
wanted gcstress && run_stage gcstress stage_gcstress
if wanted tsan; then
  if [[ -f tests/TSAN_ENABLED ]]; then
    run_stage tsan stage_flavour tsan
  else
    echo
    echo "==== test.sh: stage tsan skipped (tests/TSAN_ENABLED does not exist yet)"
  fi
fi
wanted fuzz && run_stage fuzz stage_fuzz

echo
echo "==== test.sh: summary (total $(($(now) - T_START))s)"
printf '%s\n' "${SUMMARY[@]}"
echo "gilvm: $PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
