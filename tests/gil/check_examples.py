"""Runs every examples/gil/*.py with --quick and checks what does not depend on timing.

Usage: check_examples.py GILVM

The GIL examples print timing tables, so they cannot have golden .out files (examples/gil/NOT_GOLDEN
keeps them out of the golden run). This checks instead that each one exits 0 with nothing on
stderr (an exception in a thread would print there), prints its table header and its verdict
lines, has a row per configuration, and the facts that hold whatever the timing: CPU-bound threads
under fair with check interval 100 take turns (switches > 0); every IO-bound thread released the
GIL at each of its waits; the convoy rows name each policy, cpython3 with CPython's 5 ms.
Runs in a few seconds, well under 30 s also under the sanitizers (--quick; the rows are bounded
in time, not only in work).
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(HERE)), "examples", "gil")
FAILURES = []

# Per example: the table header's columns, the first cells of the rows it must have, and how many
# verdict lines it prints.
EXPECTED = {
    "cpu_threads.py": (["threads", "time", "speedup", "switches", "switches/s", "GIL held", "waiting",
                        "handoff p50", "wait p99"], ["1", "2", "4"], 2),
    "io_threads.py": (["threads", "waits/thread", "time", "speedup", "GIL held", "waiting", "switches",
                       "IO rel/thread", "wait p99"], ["1", "2", "4", "8", "16"], 2),
    "convoy.py": (["policy", "slice", "trips/s alone", "trips/s +CPU", "IO slowdown", "CPU progress",
                   "switches/s", "IO wait p50", "IO wait p99"], ["fair", "cpython2", "cpython3"], 2),
    "check_interval.py": (["check interval", "time", "vs 1 thread", "switches", "switches/s", "GIL held",
                           "max wait", "echo p50"], ["10", "100", "1000", "10000", "0 (15 ms slice)"], 2),
}


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)


def cells(line):
    # Columns are separated by two or more spaces; a cell ("0.123 s") has at most single ones.
    return re.split(r"\s{2,}", line.strip())


def number(cell):
    # "1,234", "0.64x", "12.5%", "0.123 s*" -> the number.
    return float(re.match(r"[0-9][0-9,]*\.?[0-9]*", cell).group(0).replace(",", ""))


def table(name, out, header):
    """The rows under the header line, as dicts keyed by column, in order."""
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if cells(line) == header:
            rows = []
            for row in lines[i + 1:]:
                if not row.strip() or row.startswith("*"):
                    break
                rows.append(dict(zip(header, cells(row))))
            return rows
    check(False, f"{name}: no table header {header} in:\n{out}")
    return []


def run(gilvm, name, timeout):
    path = os.path.join(EXAMPLES, name)
    try:
        r = subprocess.run([gilvm, path, "--quick"], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        check(False, f"{name} --quick timed out after {timeout} s")
        return None
    check(r.returncode == 0, f"{name} exited with {r.returncode}:\n{r.stderr}")
    check(r.stderr == "", f"{name} wrote to stderr:\n{r.stderr}")
    return r.stdout


def check_example(gilvm, name, timeout):
    header, keys, verdicts = EXPECTED[name]
    out = run(gilvm, name, timeout)
    if out is None:
        return None
    rows = table(name, out, header)
    check([r[header[0]] for r in rows] == keys, f"{name}: rows {[r[header[0]] for r in rows]}, expected {keys}")
    for r in rows:
        check(len(r) == len(header), f"{name}: a row with {len(r)} cells for {len(header)} columns: {r}")
    said = [line for line in out.splitlines() if line.startswith("verdict: ")]
    check(len(said) == verdicts, f"{name}: {len(said)} verdict lines, expected {verdicts}:\n{out}")
    return out, {r[header[0]]: r for r in rows}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_examples.py GILVM")
    gilvm = sys.argv[1]
    timeout = int(os.environ.get("GILVM_TEST_TIMEOUT", "60"))
    found = sorted([f for f in os.listdir(EXAMPLES) if f.endswith(".py")])
    check(found == sorted(EXPECTED), f"examples/gil holds {found}; this test knows {sorted(EXPECTED)}")
    results = {}
    for name in sorted(EXPECTED):
        got = check_example(gilvm, name, timeout)
        if got is not None and len(got[1]) == len(EXPECTED[name][1]):
            results[name] = got

    if "cpu_threads.py" in results:
        out, rows = results["cpu_threads.py"]
        check("policy fair, check interval 100, switch interval 15 ms" in out, "cpu_threads runs under gilvm's defaults")
        for n in ("2", "4"):
            check(number(rows[n]["switches"]) > 0, f"cpu_threads: {n} CPU-bound threads under fair took turns")
    if "io_threads.py" in results:
        _, rows = results["io_threads.py"]
        for n, r in rows.items():
            waits = number(r["waits/thread"])
            check(waits == 32 / int(n), f"io_threads: {n} threads share 32 waits: {r}")
            check(number(r["IO rel/thread"]) >= waits,
                  f"io_threads: with {n} threads every thread released the GIL at each wait: {r}")
    if "convoy.py" in results:
        _, rows = results["convoy.py"]
        check([rows[p]["slice"] for p in ("fair", "cpython2", "cpython3")] == ["15 ms", "-", "5 ms"],
              f"convoy: the slices are gilvm's 15 ms, none, and CPython's 5 ms: {rows}")
        for p, r in rows.items():
            check(number(r["trips/s alone"]) > 0 and number(r["trips/s +CPU"]) > 0, f"convoy: {p}: the echo ran: {r}")
    if "check_interval.py" in results:
        _, rows = results["check_interval.py"]
        for ci in ("10", "100", "1000", "10000"):
            check(number(rows[ci]["switches"]) > 0, f"check_interval: with check interval {ci} the threads took turns")

    if FAILURES:
        sys.exit(f"{len(FAILURES)} check(s) failed")
    print(f"ok: {len(EXPECTED)} GIL examples")


main()
