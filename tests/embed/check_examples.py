"""Runs one embedding example (examples/embed/) and checks its output against its .out file.

Usage: check_examples.py EXAMPLE EXPECTED.out [--pending SECTION]... [--release] [--arg ARG]...

- The example must exit 0 with nothing on stderr.
- Every line must equal the .out file's, except:
  - lines starting with "timing:" (wall times, speedups): the same timing lines must be there,
    but their numbers are free. With --release, parallel's speedup gets a generous sanity bound
    (the examples print timings only for people; CI machines are loaded, so nothing tighter).
  - the sections ("== title ==" up to the next such line) named by --pending: a feature not on
    main yet. Their output is compared and the difference shown, but it does not fail; when one
    matches, the test says so, so that it can be taken off the pending list
    (examples/embed/CMakeLists.txt, GILVM_EMBED_PENDING_SECTIONS).
Everything else in host_threads and parallel that is printed is a count or a fact that does not
depend on timing (see those examples), so it is compared exactly too.
GILVM_TEST_TIMEOUT (seconds, default 60) bounds the run.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys

TIMING = "timing:"


def sections(lines):
    """[(title or None, [lines])] in order; a section starts at a line "== title =="."""
    out = [(None, [])]
    for line in lines:
        m = re.fullmatch(r"== (.*) ==", line)
        if m:
            out.append((m.group(1), []))
        out[-1][1].append(line)
    return out


def timing_shape(line):
    """A timing line with its numbers blanked: the text around them must match."""
    return re.sub(r"[0-9]+(\.[0-9]+)?", "N", line)


def compare(want, got):
    """Lines of a diff, empty when equal (timing lines compared by shape only)."""
    w = [timing_shape(l) if l.startswith(TIMING) else l for l in want]
    g = [timing_shape(l) if l.startswith(TIMING) else l for l in got]
    if w == g:
        return []
    return list(difflib.unified_diff(w, g, "expected", "actual", lineterm=""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("example")
    ap.add_argument("expected")
    ap.add_argument("--pending", action="append", default=[])
    ap.add_argument("--release", action="store_true")
    ap.add_argument("--arg", action="append", default=[])
    args = ap.parse_args()

    timeout = int(os.environ.get("GILVM_TEST_TIMEOUT", "60"))
    try:
        r = subprocess.run([args.example] + args.arg, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        sys.exit(f"FAIL: {args.example} timed out after {timeout} s")
    failures = []
    if r.returncode != 0:
        failures.append(f"exited with {r.returncode}")
    if r.stderr:
        failures.append("wrote to stderr:\n" + r.stderr)

    with open(args.expected) as f:
        want = sections(f.read().splitlines())
    got = sections(r.stdout.splitlines())
    want_titles = [t for t, _ in want]
    got_titles = [t for t, _ in got]
    if want_titles != got_titles:
        failures.append(f"sections {got_titles}, expected {want_titles}")
    for unknown in set(args.pending) - set(want_titles):
        failures.append(f"--pending {unknown!r}: no such section in {args.expected}")
    for (title, want_lines), (_, got_lines) in zip(want, got):
        diff = compare(want_lines, got_lines)
        if title in args.pending:
            if diff:
                print(f"pending section {title!r} differs (not checked until its feature lands):")
                print("\n".join(diff))
            else:
                print(f"NOTE: pending section {title!r} now matches {os.path.basename(args.expected)}: "
                      "take it off GILVM_EMBED_PENDING_SECTIONS in examples/embed/CMakeLists.txt")
        elif diff:
            failures.append(f"section {title or '(start)'} differs:\n" + "\n".join(diff))

    if args.release:
        m = re.search(r"^timing: speedup of \(b\) over \(a\): ([0-9.]+)x", r.stdout, re.M)
        if m and float(m.group(1)) < 0.5:
            # One GIL each cannot make the work twice as slow as sharing one; a machine too
            # loaded to run two threads at once still gives about 1x.
            failures.append(f"speedup {m.group(1)}x of own interpreters over a shared one is below 0.5x")

    print(r.stdout, end="")
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
