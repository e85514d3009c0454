#!/usr/bin/env python3
"""Time whole Python programs under gilvm and CPython side by side.

For each program in bench/programs/*.py (or the ones named on the command line) this runs
gilvm and python3 interleaved (gilvm, python3, gilvm, python3, ...) --runs times each, checks
that every run of both printed the same stdout and exited with 0, and reports the median wall
time of each and their ratio (gilvm / python3; below 1 means gilvm is faster), then the
geometric mean of the ratios.

    python3 bench/compare.py                      # all programs, 5 runs each
    python3 bench/compare.py --runs 3 fib nbody   # some programs
    python3 bench/compare.py --json results.json

Exits 1 if any output differs or any run fails. Standard library only.
"""
import argparse
import glob
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time

from real_python import real_python

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")


def find_programs(names):
    if not names:
        return sorted(glob.glob(os.path.join(PROGRAMS, "*.py")))
    found = []
    for name in names:
        candidates = [name, os.path.join(PROGRAMS, name), os.path.join(PROGRAMS, name + ".py")]
        path = next((c for c in candidates if os.path.isfile(c)), None)
        if path is None:
            sys.exit("compare.py: no such program: " + name)
        found.append(os.path.abspath(path))
    return found


def child_env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_once(cmd, timeout):
    """Runs cmd; returns (seconds, stdout, stderr, returncode)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=timeout, env=child_env(), cwd=ROOT)
    except subprocess.TimeoutExpired as e:
        return time.perf_counter() - start, e.stdout or b"", b"timed out", -1
    return time.perf_counter() - start, proc.stdout, proc.stderr, proc.returncode


def short(data, limit=2000):
    text = data.decode("utf-8", "replace")
    return text if len(text) <= limit else text[:limit] + "\n... (%d more bytes)" % (len(text) - limit)


def measure(program, impls, runs, timeout):
    """Returns a result dict; 'error' is set when a run failed or outputs differ."""
    name = os.path.splitext(os.path.basename(program))[0]
    times = {label: [] for label, _ in impls}
    reference = None  # (label, stdout) of the first run
    for _ in range(runs):
        for label, exe in impls:
            secs, out, err, code = run_once([exe, program], timeout)
            if code != 0:
                return {"name": name, "error": "%s exited with %d\n--- stderr:\n%s" % (
                    label, code, short(err))}
            if reference is None:
                reference = (label, out)
            elif out != reference[1]:
                return {"name": name, "error": "stdout differs between %s and %s\n--- %s:\n%s\n--- %s:\n%s" % (
                    reference[0], label, reference[0], short(reference[1]), label, short(out))}
            times[label].append(secs)
    result = {"name": name, "stdout": reference[1].decode("utf-8", "replace")}
    for label, _ in impls:
        result[label + "_times"] = times[label]
        result[label + "_s"] = statistics.median(times[label])
    result["ratio"] = result["gilvm_s"] / result["python3_s"]
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("programs", nargs="*", help="program names or paths (default: bench/programs/*.py)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each implementation (default 5)")
    ap.add_argument("--gilvm", default=os.path.join(ROOT, "build", "gilvm"), help="gilvm binary")
    ap.add_argument("--python", default="python3", help="CPython binary (default python3)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds allowed per run")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = ap.parse_args()
    if args.runs < 1:
        sys.exit("compare.py: --runs must be at least 1")
    if os.sep in args.gilvm and not os.access(args.gilvm, os.X_OK):
        sys.exit("compare.py: %s not found; build it first: bash scripts/build.sh release" % args.gilvm)

    impls = [("gilvm", args.gilvm), ("python3", real_python(args.python))]
    programs = find_programs(args.programs)
    if not programs:
        sys.exit("compare.py: no programs in " + PROGRAMS)

    print("%-16s %9s %9s %7s" % ("program", "gilvm_s", "python3_s", "ratio"))
    results = []
    failed = []
    for program in programs:
        r = measure(program, impls, args.runs, args.timeout)
        results.append(r)
        if "error" in r:
            failed.append(r["name"])
            print("%-16s FAILED" % r["name"])
            print("compare.py: %s: %s" % (r["name"], r["error"]), file=sys.stderr)
        else:
            print("%-16s %9.3f %9.3f %7.2f" % (r["name"], r["gilvm_s"], r["python3_s"], r["ratio"]))
        sys.stdout.flush()

    ratios = [r["ratio"] for r in results if "error" not in r]
    geomean = math.exp(sum(math.log(x) for x in ratios) / len(ratios)) if ratios else None
    if geomean is not None:
        print("%-16s %9s %9s %7.2f" % ("geomean", "", "", geomean))
    if failed:
        print("compare.py: FAILED: " + ", ".join(failed), file=sys.stderr)

    if args.json:
        doc = {
            "runs": args.runs,
            "gilvm": args.gilvm,
            "python": args.python,
            "machine": {"platform": platform.platform(), "cpus": os.cpu_count()},
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "programs": results,
            "geomean_ratio": geomean,
            "failed": failed,
        }
        with open(args.json, "w") as fh:
            json.dump(doc, fh, indent=2)
            fh.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
