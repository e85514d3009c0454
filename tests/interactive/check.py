#!/usr/bin/env python3
"""Interactive sessions compared with CPython's: each NAME.in is typed into `gilvm -i -q` (or,
with NAME.args, `gilvm ARGS...`: an empty file runs plain `gilvm`, which reads a script from
stdin) on a pipe, and what it prints, stdout and stderr in one stream as a user would see them
(prompts included: with stdin not a terminal both write them to stderr), must equal NAME.out;
the exit status must equal NAME.code (0 when there is none).

Expected files come only from CPython, never by hand:
    python3 tests/interactive/check.py --regen            # every session
    python3 tests/interactive/check.py --regen NAME...
Check gilvm (what ctest runs):
    python3 tests/interactive/check.py --gilvm build/gilvm
"""
import argparse
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def env():
    e = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "GILVM_HISTORY"}
    e["PYTHONHASHSEED"] = "0"
    e["PYTHONIOENCODING"] = "utf-8"
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    return e


def run(program, session, timeout):
    args_file = session.with_suffix(".args")
    args = args_file.read_text().split() if args_file.exists() else ["-i", "-q"]
    with open(session, "rb") as stdin:
        proc = subprocess.run([program] + args, cwd=HERE, env=env(), stdin=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
    # CPython names a script by its absolute path; gilvm by the path it was given.
    return proc.stdout.replace((str(HERE) + "/").encode(), b""), proc.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gilvm")
    ap.add_argument("--regen", action="store_true")
    ap.add_argument("names", nargs="*")
    opts = ap.parse_args()
    sessions = [HERE / (n if n.endswith(".in") else n + ".in") for n in opts.names] or sorted(HERE.glob("*.in"))
    timeout = int(os.environ.get("GILVM_TEST_TIMEOUT", "60"))
    failed = 0
    for s in sessions:
        if opts.regen:
            out, code = run("python3", s, timeout)
            s.with_suffix(".out").write_bytes(out)
            code_file = s.with_suffix(".code")
            if code:
                code_file.write_text(f"{code}\n")
            elif code_file.exists():
                code_file.unlink()
            print(f"{code:<4} {s.name}")
            continue
        out, code = run(opts.gilvm, s, timeout)
        want = s.with_suffix(".out").read_bytes()
        code_file = s.with_suffix(".code")
        want_code = int(code_file.read_text()) if code_file.exists() else 0
        if out == want and code == want_code:
            print(f"ok   {s.name}")
            continue
        failed += 1
        print(f"FAIL {s.name}: exit status {code}, expected {want_code}")
        if out != want:
            import difflib
            sys.stdout.writelines(difflib.unified_diff(
                want.decode(errors="replace").splitlines(True), out.decode(errors="replace").splitlines(True),
                "expected (CPython)", "gilvm"))
    if not opts.regen:
        print(f"{len(sessions) - failed}/{len(sessions)} interactive sessions match CPython's")
    return 1 if failed or not sessions else 0


if __name__ == "__main__":
    sys.exit(main())
