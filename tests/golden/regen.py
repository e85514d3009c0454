#!/usr/bin/env python3
"""Regenerate the expected outputs of the golden tests with CPython.

Usage (from anywhere):
    python3 tests/golden/regen.py            # every test
    python3 tests/golden/regen.py expr/foo.py errors/bar.py
    python3 tests/golden/regen.py --run ARGS...   # act like gilvm (see below)
    GOLDEN_DIR=examples python3 tests/golden/regen.py   # the examples' expected output

For each test program <area>/<name>.py this runs `python3 <area>/<name>.py`
with cwd = this directory, stdin = /dev/null and a fixed environment, then
writes (after stripping this directory's absolute path + "/" from the
output, see below):
    <name>.out   stdout (always written, may be empty)
    <name>.err   stderr (only if non-empty; otherwise removed)
    <name>.code  exit code and a newline (only if non-zero; otherwise removed)

A file whose first lines contain `# golden: skip-python` is not regenerated. A folder holding a
file named NOT_GOLDEN is skipped with everything below it, as golden_test skips it.
A first line `# gilvm-args: ...` is ignored here (the args are for gilvm).
Expected files must only ever be produced by this script, never by hand.

To check the corpus and the runner against CPython itself:
    golden_test --gilvm=tests/golden/python3_as_gilvm.sh --dir=tests/golden
"""
import os
import subprocess
import sys
import sysconfig

# GOLDEN_DIR points the script at another tree of tests, e.g. examples/ (see README.md).
HERE = os.path.abspath(os.environ.get("GOLDEN_DIR", os.path.dirname(os.path.abspath(__file__))))
PYTHON = os.environ.get("GOLDEN_PYTHON", "python3")
HEADER_LINES = 5

_stdlib_dir = []


def stdlib_dir():
    """CPython's standard library directory, as the CPython that runs the
    tests (GOLDEN_PYTHON, else this one) names it in tracebacks."""
    if not _stdlib_dir:
        if "GOLDEN_PYTHON" in os.environ:
            out = subprocess.run(
                [PYTHON, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                stdout=subprocess.PIPE, check=True).stdout.decode().strip()
        else:
            out = sysconfig.get_paths()["stdlib"]
        _stdlib_dir.append(out)
    return _stdlib_dir[0]


def child_env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    for k in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "PYTHONWARNINGS",
              "PYTHONDEVMODE", "PYTHONUTF8", "PYTHONSAFEPATH", "PYTHONOPTIMIZE",
              "PYTHONINSPECT", "PYTHONUNBUFFERED", "PYTHONVERBOSE"):
        env.pop(k, None)
    return env


def discover():
    found = []
    for root, dirs, files in os.walk(HERE):
        dirs[:] = sorted(d for d in dirs if d != "_inputs" and not d.startswith(".")
                         and d != "__pycache__"
                         and not os.path.exists(os.path.join(root, d, "NOT_GOLDEN")))
        for f in sorted(files):
            if not f.endswith(".py"):
                continue
            rel = os.path.relpath(os.path.join(root, f), HERE)
            if rel == "regen.py":
                continue
            found.append(rel.replace(os.sep, "/"))
    return found


def skipped(path):
    with open(path, "rb") as fh:
        for _ in range(HEADER_LINES):
            line = fh.readline()
            if not line:
                break
            if b"# golden: skip-python" in line:
                return True
    return False


def normalize(data):
    """CPython reports the main script by its absolute path (the __main__
    module's __file__ is made absolute since 3.9) while gilvm reports the path
    it was given. Strip the golden directory prefix so that tracebacks read
    File "<area>/<name>.py".

    Tracebacks through the standard library (e.g. an exception escaping a
    thread goes through threading.py) name CPython's stdlib directory, which
    depends on the machine; gilvm names its embedded modules
    "<stdlib>/threading.py". Replace that directory by "<stdlib>/"."""
    data = data.replace((HERE + os.sep).encode(), b"")
    return data.replace((stdlib_dir() + "/").encode(), b"<stdlib>/")


def run_as_gilvm(args):
    """`regen.py --run ARGS...`: behave like `gilvm ARGS...` using CPython,
    with the same output normalization as the expected files. Used by
    python3_as_gilvm.sh to validate the corpus and the golden_test runner."""
    proc = subprocess.run([PYTHON] + args, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    sys.stdout.buffer.write(normalize(proc.stdout))
    sys.stdout.flush()
    sys.stderr.buffer.write(normalize(proc.stderr))
    sys.stderr.flush()
    code = proc.returncode
    return code if code >= 0 else 128 - code


def write_or_remove(path, data):
    if data:
        with open(path, "wb") as fh:
            fh.write(data)
    elif os.path.exists(path):
        os.remove(path)


def regen(rel):
    full = os.path.join(HERE, rel)
    if skipped(full):
        print("skip  " + rel)
        return
    with open(os.devnull, "rb") as devnull:
        proc = subprocess.run([PYTHON, rel], cwd=HERE, env=child_env(),
                              stdin=devnull, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=120)
    base = full[:-3]
    proc.stdout = normalize(proc.stdout)
    proc.stderr = normalize(proc.stderr)
    with open(base + ".out", "wb") as fh:
        fh.write(proc.stdout)
    write_or_remove(base + ".err", proc.stderr)
    code = proc.returncode
    write_or_remove(base + ".code", (str(code) + "\n").encode() if code != 0 else b"")
    print("%-5s %s" % (code, rel))


def main(argv):
    if argv and argv[0] == "--run":
        return run_as_gilvm(argv[1:])
    if argv:
        rels = []
        for a in argv:
            p = os.path.abspath(a) if os.path.exists(a) else os.path.join(HERE, a)
            rels.append(os.path.relpath(p, HERE).replace(os.sep, "/"))
    else:
        rels = discover()
    for rel in rels:
        regen(rel)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
