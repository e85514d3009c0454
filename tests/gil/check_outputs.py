"""Checks gilvm's GIL measurement outputs end to end.

Usage: check_outputs.py GILVM

Runs scenarios with --gil-stats, --gil-stats-json and --gil-trace (and gil.trace() in a script),
validates the JSON documents against tests/gil/*.schema.json, and checks the counts that are exact
whatever the timing: every span in the trace is one counted release or contended acquisition,
threads are named and their releases add up. Needs python3-jsonschema (Debian's /usr/bin/python3).
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
# Seconds per gilvm run; GC stress and the sanitizers raise it, as for the golden tests.
TIMEOUT = int(os.environ.get("GILVM_TEST_TIMEOUT", 120))
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)


def schema(name):
    with open(os.path.join(HERE, name)) as f:
        return json.load(f)


def run(gilvm, *args):
    r = subprocess.run([gilvm, *args], capture_output=True, text=True, timeout=TIMEOUT)
    if r.returncode != 0:
        sys.exit(f"gilvm {' '.join(args)} failed ({r.returncode}):\n{r.stderr}")
    return r


def spans(trace, name):
    return [e for e in trace["traceEvents"] if e["ph"] == "X" and e["name"] == name]


def check_whole_run(gilvm, tmp):
    stats_path, trace_path = os.path.join(tmp, "stats.json"), os.path.join(tmp, "trace.json")
    r = run(gilvm, "--gil-stats", "--gil-stats-json", stats_path, "--gil-trace", trace_path,
            os.path.join(HERE, "outputs_scenario.py"))
    check(r.stdout == "done\n", f"the script's own output is untouched: {r.stdout!r}")
    with open(stats_path) as f:
        stats = json.load(f)
    with open(trace_path) as f:
        trace = json.load(f)
    jsonschema.validate(stats, schema("gil-stats.schema.json"))
    jsonschema.validate(trace, schema("gil-trace.schema.json"))

    threads = {t["name"]: t for t in stats["threads"]}
    check(set(threads) == {"MainThread", "cpu-0", "cpu-1", "sleeper"}, f"thread names: {sorted(threads)}")
    for name in ("cpu-0", "cpu-1", "sleeper"):
        t = threads[name]
        check(not t["alive"], f"{name} has ended")
        check(t["releases"]["exit"] == 1, f"{name} released the GIL once on exit")
        check(sum(t["releases"].values()) == t["acquisitions"],
              f"{name}: every acquisition ended in a release ({t['acquisitions']} vs {t['releases']})")
        check(t["contended"] == t["wait_ns"]["count"] == t["handoff_ns"]["count"],
              f"{name}: one wait and one handoff sample per contended acquisition")
    check(threads["sleeper"]["releases"]["io"] >= 5, "each sleep released the GIL")
    for name in ("cpu-0", "cpu-1"):
        check(threads[name]["instructions"] >= 100_000 * 4, f"{name} counted its instructions")
        check(threads[name]["releases"]["interval"] > 0, f"{name} took turns with the other one")
    main = threads["MainThread"]
    check(main["alive"], "the main thread is still running when the figures are taken")
    check(stats["switches"] >= sum(t["releases"]["interval"] for t in stats["threads"]),
          "under fair, every interval release with a waiter is a switch")
    check(stats["held_ns"] <= stats["wall_ns"] * 1.01, "the GIL is held at most all the time")

    # The trace covers the whole run: one hold span per release, one wait span per contended
    # acquisition, exactly.
    released = sum(sum(t["releases"].values()) for t in stats["threads"])
    contended = sum(t["contended"] for t in stats["threads"])
    check(len(spans(trace, "hold")) == released, f"hold spans {len(spans(trace, 'hold'))} == releases {released}")
    check(len(spans(trace, "wait")) == contended, f"wait spans {len(spans(trace, 'wait'))} == contended {contended}")
    check(trace["otherData"]["dropped_events"] == 0, "nothing dropped")
    named = {e["args"]["name"] for e in trace["traceEvents"] if e["ph"] == "M" and e["name"] == "thread_name"}
    check(named == set(threads), f"the trace names every thread: {sorted(named)}")
    tids = {e["tid"] for e in spans(trace, "hold")}
    check(len(tids) == 4, f"one track per thread: {len(tids)}")

    table = r.stderr
    for name in threads:
        check(f"\n{name} " in table, f"the table has a row for {name}")
    for words in ("GIL held", "switches", "handoff latency", "longest hold without a safe point"):
        check(words in table, f"the table's summary says {words!r}")


def check_limit(gilvm, tmp):
    trace_path = os.path.join(tmp, "limited.json")
    run(gilvm, "--gil-trace", trace_path, "--gil-trace-limit", "10", os.path.join(HERE, "outputs_scenario.py"))
    with open(trace_path) as f:
        trace = json.load(f)
    jsonschema.validate(trace, schema("gil-trace.schema.json"))
    kept = len(spans(trace, "hold")) + len(spans(trace, "wait"))
    check(kept == 10, f"the limit keeps 10 spans, not {kept}")
    dropped = trace["otherData"]["dropped_events"]
    check(dropped > 0 and dropped + kept > 50, f"the file says {dropped} spans were dropped")
    check(any(e["ph"] == "i" and "dropped" in e["name"] for e in trace["traceEvents"]),
          "the timeline marks where the dropped spans were")


def check_block(gilvm, tmp):
    trace_path = os.path.join(tmp, "block.json")
    r = run(gilvm, os.path.join(HERE, "trace_block.py"), trace_path)
    seen = json.loads(r.stdout)
    with open(trace_path) as f:
        jsonschema.validate(json.load(f), schema("gil-trace.schema.json"))
    check(seen["holds"] == seen["releases"], f"gil.trace: hold spans == releases since reset: {seen}")
    check(seen["waits"] == seen["contended"], f"gil.trace: wait spans == contended since reset: {seen}")
    check(seen["names"] == ["MainThread", "w0", "w1"], f"gil.stats() rows: {seen['names']}")


def main():
    gilvm = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        check_whole_run(gilvm, tmp)
        check_limit(gilvm, tmp)
        check_block(gilvm, tmp)
    if FAILURES:
        sys.exit(f"{len(FAILURES)} check(s) failed")
    print("GIL outputs: all checks passed")


if __name__ == "__main__":
    main()
