#!/usr/bin/env python3
"""Measure what gilvm's GIL costs, as ratios against a reference from the same run.

Six sections (../shared/gil-spec.md, "Costs to hold"; results are discussed in docs/gil.md):

  overhead  the poll's cost with one thread: bench/programs/{loops,nbody,fib,richards}.py under
            gilvm and under a build without the safe-point poll (-DGILVM_NO_GIL_POLL=ON),
            interleaved; wall and CPU (user+sys) time ratios, per program and geometric mean;
            and, when valgrind is installed, the instructions each executes (exact, no noise).
  cpu       CPU-bound threads: a fixed amount of pure-Python work split over 1, 2 and 4 threads,
            divided by the same work run sequentially in the same round, for each policy and
            check interval, and for python3.
  io        IO-bound threads: N threads each sleeping K x 10 ms; speedup over the same sleeps run
            sequentially (ideal: N), gilvm and python3.
  handoff   micro_bench's PingPong (condvar, futex, spin) and GilHandoff_Fair, invoked 3 times;
            the GIL's round trip as a ratio to the futex (and spin) round trip of the same run.
  convoy    a queue.Queue ping-pong between two threads (the "IO") with and without a CPU-bound
            third thread, per policy and for python3: round trips per second and their ratio.
  stats     what measuring costs: (a) bench/programs/*.py (one thread; file_io.py releases the
            GIL at every buffer's read or write) under gilvm and under a build with the GIL
            statistics compiled out (-DGILVM_NO_GIL_STATS=ON), interleaved: wall, CPU time and,
            with valgrind, instructions; (b) threaded programs (two CPU-bound threads, a socket
            echo) with the same binary with and without --gil-trace, and against the no-stats
            build: the programs' own timings.

Every figure is the median of several runs; runs of the things compared are interleaved (in
alternating order for the two-build comparison) so that drift in the machine's load hits both.
The workloads live in bench/gil_programs/; they print their own perf_counter measurement (with
--time) except the overhead programs, which this script times from outside.

    python3 bench/gil_bench.py --nopoll build-nopoll/gilvm           # all but 'stats' (a) (~8 minutes)
    python3 bench/gil_bench.py --quick --only cpu,io                 # a fast look at two sections
    python3 bench/gil_bench.py --nopoll /tmp/nopoll/gilvm --json out.json
    python3 bench/gil_bench.py --only stats --nostats build-nostats/gilvm

Build the two binaries with:
    cmake -S . -B build -G Ninja && ninja -C build gilvm micro_bench
    cmake -S . -B build-nopoll -G Ninja -DGILVM_TESTS=OFF -DGILVM_BENCH=OFF -DGILVM_NO_GIL_POLL=ON
    ninja -C build-nopoll gilvm
    cmake -S . -B build-nostats -G Ninja -DGILVM_TESTS=OFF -DGILVM_BENCH=OFF -DGILVM_NO_GIL_STATS=ON
    ninja -C build-nostats gilvm

These machines are shared and noisy. Before each section the script prints how busy the machine
was in the preceding second; --wait-quiet 0.15 waits for other work to drop below 15% first.
Spinning GIL waiters make the threaded figures depend on that load by orders of magnitude.
Standard library only. Exits 1 if a run fails or prints the wrong result.
"""
import argparse
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time

from real_python import real_python

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")
GIL_PROGRAMS = os.path.join(HERE, "gil_programs")
OVERHEAD_PROGRAMS = ["loops", "nbody", "fib", "richards"]
SECTIONS = ["overhead", "cpu", "io", "handoff", "convoy", "stats"]
# Section "stats": every single-threaded program but string_build.py, which takes minutes under
# gilvm (it builds strings by repeated concatenation, quadratic without CPython's in-place append).
STATS_PROGRAMS = sorted(f[:-3] for f in os.listdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs"))
                        if f.endswith(".py") and f != "string_build.py")

# (label, gilvm flags). cpython3 runs with CPython's default switch interval (5 ms), not gilvm's
# 15 ms, so that it reproduces CPython; fair keeps gilvm's defaults except where named.
CPU_CONFIGS = [
    ("fair ci=100", ["--gil-policy", "fair", "--check-interval", "100"]),
    ("fair ci=1000", ["--gil-policy", "fair", "--check-interval", "1000"]),
    ("fair ci=10000", ["--gil-policy", "fair", "--check-interval", "10000"]),
    ("fair ci=0 (15 ms)", ["--gil-policy", "fair", "--check-interval", "0"]),
    ("cpython2 ci=100", ["--gil-policy", "cpython2", "--check-interval", "100"]),
    ("cpython3 (5 ms)", ["--gil-policy", "cpython3", "--switch-interval", "5"]),
    # cpython3 ignores the instruction count for switching, but the count still sets how often
    # the holder polls; this row shows what those polls cost while a thread waits.
    ("cpython3 ci=10000", ["--gil-policy", "cpython3", "--switch-interval", "5", "--check-interval", "10000"]),
]
CONVOY_CONFIGS = [
    ("fair ci=100", ["--gil-policy", "fair"]),
    ("fair ci=0 (15 ms)", ["--gil-policy", "fair", "--check-interval", "0"]),
    ("cpython2 ci=100", ["--gil-policy", "cpython2"]),
    ("cpython3 (5 ms)", ["--gil-policy", "cpython3", "--switch-interval", "5"]),
]


class RunFailed(Exception):
    pass


def child_env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run(cmd, timeout):
    """Runs cmd; returns (wall_s, stdout text). Raises RunFailed on a non-zero exit; returns
    wall_s = None on timeout."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=child_env(), cwd=ROOT)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None, ""
    wall = time.perf_counter() - start
    # communicate() reaped the child, so its rusage is now in RUSAGE_CHILDREN (see run_timed).
    if proc.returncode != 0:
        raise RunFailed("%s\nexited with %d\n%s" % (" ".join(cmd), proc.returncode,
                                                    err.decode("utf-8", "replace")[-2000:]))
    return wall, out.decode("utf-8", "replace")


def run_timed(cmd, timeout):
    """Like run(), with the child's CPU time (user+sys) from RUSAGE_CHILDREN deltas."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, out = run(cmd, timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out


def parse_fields(out):
    fields = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2:
            try:
                fields[parts[0]] = float(parts[1])
            except ValueError:
                fields[parts[0]] = parts[1]
    return fields


def median(xs):
    return statistics.median(xs)


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def fmt_ratio(x, digits=2):
    if x is None:
        return "-"
    if x == math.inf:
        return "timeout"
    return ("%." + str(digits) + "fx") % x


def machine_info():
    model = platform.processor() or "?"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "kernel": platform.release(),
            "date": time.strftime("%Y-%m-%d %H:%M"), "loadavg_start": os.getloadavg()}


def cpu_ticks():
    with open("/proc/stat") as fh:
        v = [int(x) for x in fh.readline().split()[1:]]
    idle = v[3] + v[4]  # idle + iowait
    return sum(v) - idle, sum(v)


def machine_busy(seconds):
    """Fraction of all cores busy over `seconds` while this script only sleeps (0..1); NaN if
    /proc/stat cannot be read."""
    try:
        b0, t0 = cpu_ticks()
        time.sleep(seconds)
        b1, t1 = cpu_ticks()
    except OSError:
        return float("nan")
    return (b1 - b0) / max(1, t1 - t0)


def wait_quiet(limit, max_wait=900):
    """Waits (up to max_wait s) until other processes use less than `limit` of the machine."""
    start = time.time()
    while time.time() - start < max_wait:
        busy = machine_busy(2.0)
        if busy < limit or math.isnan(busy):
            return
        print("(waiting for a quiet machine: %.0f%% busy)" % (100 * busy))
        sys.stdout.flush()
        time.sleep(8)
    print("(gave up waiting for a quiet machine)")


def section(title):
    print()
    print("== " + title)


def table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = "  ".join(("%-" if i == 0 else "%") + str(w) + "s" for i, w in enumerate(widths))
    print(line % tuple(header))
    for r in rows:
        print(line % tuple(r))
    sys.stdout.flush()


# ------------------------------------------------------------------------------------------------
# a. poll overhead
# ------------------------------------------------------------------------------------------------

def bench_overhead(args, results):
    section("a. Poll overhead, one thread: gilvm / gilvm without the poll (NO_GIL_POLL build)")
    if not args.nopoll:
        print("skipped: pass --nopoll PATH (a build with -DGILVM_NO_GIL_POLL=ON)")
        return
    runs = args.runs_overhead
    print("%d interleaved runs of each binary per program, order alternating; medians; 'spread' is "
          "min..max of the per-round paired wall ratios" % runs)
    rows, walls, cpus, out = [], [], [], {}
    for name in OVERHEAD_PROGRAMS:
        path = os.path.join(PROGRAMS, name + ".py")
        t = {"gilvm": ([], []), "nopoll": ([], [])}
        ref = None
        for r in range(runs):
            order = [("gilvm", args.gilvm), ("nopoll", args.nopoll)]
            if r % 2:
                order.reverse()
            for label, exe in order:
                wall, cpu, stdout = run_timed([exe, path], args.timeout)
                if wall is None:
                    raise RunFailed("%s %s timed out" % (exe, path))
                if ref is None:
                    ref = stdout
                elif stdout != ref:
                    raise RunFailed("%s: output differs between runs" % name)
                t[label][0].append(wall)
                t[label][1].append(cpu)
        gw, gc = t["gilvm"]
        nw, nc = t["nopoll"]
        paired = [a / b for a, b in zip(gw, nw)]
        wall_ratio = median(gw) / median(nw)
        cpu_ratio = median(gc) / median(nc)
        walls.append(wall_ratio)
        cpus.append(cpu_ratio)
        out[name] = {"gilvm_wall": gw, "nopoll_wall": nw, "gilvm_cpu": gc, "nopoll_cpu": nc,
                     "wall_ratio": wall_ratio, "cpu_ratio": cpu_ratio, "paired_wall_ratios": paired}
        rows.append([name, "%.3f" % median(nw), "%.3f" % median(gw), "%+.1f%%" % (100 * (wall_ratio - 1)),
                     "%+.1f%%" % (100 * (cpu_ratio - 1)),
                     "%+.1f%% .. %+.1f%%" % (100 * (min(paired) - 1), 100 * (max(paired) - 1))])
    rows.append(["geomean", "", "", "%+.1f%%" % (100 * (geomean(walls) - 1)),
                 "%+.1f%%" % (100 * (geomean(cpus) - 1)), ""])
    table(["program", "nopoll_s", "gilvm_s", "wall", "cpu", "spread (wall, paired)"], rows)
    print("target (gil-spec.md): <= +1.0%")
    out["geomean_wall_ratio"] = geomean(walls)
    out["geomean_cpu_ratio"] = geomean(cpus)
    results["overhead"] = out
    if args.instructions:
        bench_instructions(args, out)


def count_instructions(exe, path, timeout):
    """Machine instructions one run executes, counted by valgrind's cachegrind (deterministic)."""
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", exe, path]
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=timeout * 50, env=child_env(), cwd=ROOT)
    if proc.returncode != 0:
        raise RunFailed("%s\nexited with %d\n%s" % (" ".join(cmd), proc.returncode, proc.stderr[-2000:]))
    for line in proc.stderr.splitlines():
        if "I   refs:" in line or "I refs:" in line:
            return int(line.split(":", 1)[1].strip().replace(",", ""))
    raise RunFailed("no instruction count in valgrind's output:\n" + proc.stderr[-2000:])


def bench_instructions(args, out):
    print()
    print("Instructions executed (valgrind cachegrind, one run each; no timing noise, but blind to "
          "branch prediction and cache effects):")
    rows, ratios = [], []
    for name in OVERHEAD_PROGRAMS:
        path = os.path.join(PROGRAMS, name + ".py")
        n = count_instructions(args.nopoll, path, args.timeout)
        g = count_instructions(args.gilvm, path, args.timeout)
        ratios.append(g / n)
        out[name]["instructions"] = {"gilvm": g, "nopoll": n}
        rows.append([name, "%.3fG" % (n / 1e9), "%.3fG" % (g / 1e9), "%+.1f%%" % (100 * (g / n - 1))])
    rows.append(["geomean", "", "", "%+.1f%%" % (100 * (geomean(ratios) - 1))])
    table(["program", "nopoll", "gilvm", "instructions"], rows)
    out["geomean_instruction_ratio"] = geomean(ratios)


# ------------------------------------------------------------------------------------------------
# b. CPU-bound threads
# ------------------------------------------------------------------------------------------------

def timed_script(cmd, timeout, expect):
    """Runs a gil_programs script with --time; returns its elapsed_s (inf on timeout)."""
    wall, stdout = run(cmd + ["--time"], timeout)
    if wall is None:
        return math.inf, None
    f = parse_fields(stdout)
    for k, v in expect.items():
        if f.get(k) != v:
            raise RunFailed("%s: expected %s %s, got:\n%s" % (" ".join(cmd), k, v, stdout))
    if "elapsed_s" not in f and "roundtrips_per_s" not in f:
        raise RunFailed("%s: no timing line in:\n%s" % (" ".join(cmd), stdout))
    return f.get("elapsed_s"), f


def bench_cpu(args, results):
    section("b. CPU-bound threads: (work split over N threads) / (same work, one thread), same round")
    units, runs, ns = args.cpu_units, args.runs, [1, 2, 4]
    script = os.path.join(GIL_PROGRAMS, "cpu_threads.py")
    impls = [(label, [args.gilvm] + flags) for label, flags in CPU_CONFIGS]
    impls.append(("python3 " + args.python_version, [args.python]))
    # The checksum depends only on UNITS; take it from a first sequential run.
    _, first = timed_script([args.python, script, "seq", "1", str(units)], args.timeout, {})
    expect = {"checksum": first["checksum"]}
    print("%d units, %d rounds; in each round every configuration runs the work once sequentially "
          "(same binary, default flags: one thread never finds a waiter) and then with N = 1, 2, 4 threads; "
          "N=1 is one worker thread plus the main thread blocked in join" % (units, runs))
    seq = {"gilvm": [], "python3": []}
    times = {(label, n): [] for label, _ in impls for n in ns}
    for _ in range(runs):
        for label, cmd in impls:
            # A sequential run next to every configuration, so that the reference sees the same
            # drift in the machine's load as the threaded runs.
            impl = "python3" if cmd[0] == args.python else "gilvm"
            s, _ = timed_script([cmd[0], script, "seq", "1", str(units)], args.timeout, expect)
            seq[impl].append(s)
            for n in ns:
                t, _ = timed_script(cmd + [script, "threads", str(n), str(units)], args.timeout, expect)
                times[(label, n)].append(t)
    rows = []
    ratios = {}
    for label, cmd in impls:
        ref = seq["python3"] if cmd[0] == args.python else seq["gilvm"]
        row = [label, "%.3f" % median(ref)]
        for n in ns:
            ratios[(label, n)] = median(times[(label, n)]) / median(ref)
            row.append(fmt_ratio(ratios[(label, n)]))
        for n in ns[1:]:
            rs = [x / median(ref) for x in times[(label, n)]]
            row.append("%s..%s" % (fmt_ratio(min(rs), 1), fmt_ratio(max(rs), 1)))
        rows.append(row)
    table(["config", "seq_s"] + ["N=%d" % n for n in ns] + ["spread N=%d" % n for n in ns[1:]], rows)
    print("ratio = median threaded_s / median sequential_s (all sequential runs of that implementation); "
          "spread = each threaded run / that median; 1.00x = no cost; contract: fair N=2 <= 2x (aim), "
          "cpython3 N=2 <= 1.05x")
    results["cpu"] = {"units": units, "seq": seq,
                      "threads": {"%s|%d" % k: v for k, v in times.items()},
                      "ratios": {"%s|%d" % k: v for k, v in ratios.items()}}


# ------------------------------------------------------------------------------------------------
# c. IO-bound threads
# ------------------------------------------------------------------------------------------------

def bench_io(args, results):
    section("c. IO-bound threads: N threads x K sleeps of 10 ms; speedup = sequential_s / threaded_s")
    k, runs, ns = args.io_sleeps, args.runs, [1, 2, 4, 8, 16]
    script = os.path.join(GIL_PROGRAMS, "io_threads.py")
    impls = [("gilvm", [args.gilvm]), ("python3", [args.python])]
    print("K = %d, %d runs of each, interleaved" % (k, runs))
    t = {(impl, mode, n): [] for impl, _ in impls for mode in ("seq", "threads") for n in ns}
    for _ in range(runs):
        for n in ns:
            for impl, cmd in impls:
                for mode in ("seq", "threads"):
                    e, _ = timed_script(cmd + [script, mode, str(n), str(k)], args.timeout,
                                        {"sleeps": float(n * k)})
                    t[(impl, mode, n)].append(e)
    rows = []
    for n in ns:
        row = [str(n), "%.3f" % (n * k * 0.010)]
        for impl, _ in impls:
            seq_s, thr_s = median(t[(impl, "seq", n)]), median(t[(impl, "threads", n)])
            row += ["%.3f" % seq_s, "%.3f" % thr_s, "%.2f" % (seq_s / thr_s)]
        rows.append(row)
    table(["N", "ideal_seq_s", "gilvm_seq_s", "gilvm_thr_s", "gilvm_speedup",
           "py_seq_s", "py_thr_s", "py_speedup"], rows)
    print("ideal speedup = N")
    results["io"] = {"sleeps_per_thread": k, "times": {"%s|%s|%d" % key: v for key, v in t.items()}}


# ------------------------------------------------------------------------------------------------
# d. handoff latency
# ------------------------------------------------------------------------------------------------

def bench_handoff(args, results):
    section("d. Handoff latency: micro_bench PingPong|GilHandoff (round trip = 2 handoffs)")
    mb = args.micro_bench
    if not os.access(mb, os.X_OK):
        print("skipped: %s not found (build it: ninja -C BUILD micro_bench, or pass --micro-bench)" % mb)
        return
    reps = 3 if args.quick else 5
    cmd = [mb, "--benchmark_filter=PingPong|GilHandoff", "--benchmark_repetitions=%d" % reps,
           "--benchmark_report_aggregates_only=true", "--benchmark_format=json"]
    print(" ".join(cmd))
    print("run %d time(s); each row is one run: the median of its %d repetitions, in us per round trip; "
          "the GIL's ratio is to that run's futex figure" % (args.handoff_runs, reps))
    names = ["PingPong_Spin", "PingPong_Futex", "PingPong_CondVar", "GilHandoff_Fair"]
    rows, runs, ratios = [], [], []
    for k in range(args.handoff_runs):
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout * 10)
        if proc.returncode != 0:
            raise RunFailed("micro_bench failed:\n" + proc.stderr[-2000:])
        data = json.loads(proc.stdout)
        figs = {}
        for b in data["benchmarks"]:
            agg = b.get("aggregate_name")
            if agg not in ("median", "min"):
                continue
            name = b["run_name"].split("/")[0].replace("BM_", "")
            scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b.get("time_unit", "ns")]
            figs.setdefault(name, {})[agg] = b["real_time"] * scale
        runs.append(figs)
        med = {n: figs.get(n, {}).get("median") for n in names}
        ratio = med["GilHandoff_Fair"] / med["PingPong_Futex"]
        ratios.append(ratio)
        rows.append(["run %d" % (k + 1)] + ["%.2f" % med[n] for n in names] +
                    [fmt_ratio(ratio), fmt_ratio(med["GilHandoff_Fair"] / med["PingPong_Spin"], 1)])
        mins = {n: figs.get(n, {}).get("min") for n in names}
        rows.append(["  (min)"] + ["%.2f" % mins[n] for n in names] +
                    [fmt_ratio(mins["GilHandoff_Fair"] / mins["PingPong_Futex"]),
                     fmt_ratio(mins["GilHandoff_Fair"] / mins["PingPong_Spin"], 1)])
    table(["", "spin", "futex", "condvar", "GIL fair", "GIL/futex", "GIL/spin"], rows)
    print("median GIL/futex over the runs: %s; per handoff, halve the round trips" % fmt_ratio(median(ratios)))
    results["handoff"] = {"runs_us": runs, "gil_to_futex": ratios}


# ------------------------------------------------------------------------------------------------
# e. convoy
# ------------------------------------------------------------------------------------------------

def bench_convoy(args, results):
    section("e. Convoy: queue.Queue ping-pong (the 'IO') alone and next to a CPU-bound thread")
    secs, runs = args.convoy_seconds, args.runs
    script = os.path.join(GIL_PROGRAMS, "convoy.py")
    impls = [(label, [args.gilvm] + flags) for label, flags in CONVOY_CONFIGS]
    impls.append(("python3", [args.python]))
    print("%.1f s per run, %d runs of each, interleaved" % (secs, runs))
    modes = ["io", "both", "cpu"]
    f = {(label, m): [] for label, _ in impls for m in modes}
    for _ in range(runs):
        for label, cmd in impls:
            for m in modes:
                e, fields = timed_script(cmd + [script, m, str(secs)], args.timeout, {"ok": m})
                if fields is None:
                    raise RunFailed("convoy.py %s timed out under %s" % (m, label))
                f[(label, m)].append(fields)
    rows = []
    out = {}
    for label, _ in impls:
        io_alone = median([x["roundtrips_per_s"] for x in f[(label, "io")]])
        io_both = median([x["roundtrips_per_s"] for x in f[(label, "both")]])
        cpu_alone = median([x["cpu_units_per_s"] for x in f[(label, "cpu")]])
        cpu_both = median([x["cpu_units_per_s"] for x in f[(label, "both")]])
        rows.append([label, "%.0f" % io_alone, "%.0f" % io_both, fmt_ratio(io_both / io_alone, 3),
                     "%.0f" % cpu_alone, "%.0f" % cpu_both, fmt_ratio(cpu_both / cpu_alone, 2)])
        out[label] = {m: f[(label, m)] for m in modes}
    table(["config", "io_rt/s alone", "io_rt/s +cpu", "io ratio", "cpu_u/s alone", "cpu_u/s +io",
           "cpu ratio"], rows)
    print("io ratio = round trips/s with the CPU thread / without; cpu ratio = CPU thread's work rate "
          "next to the ping-pong / alone (1 unit = 100 loop iterations)")
    results["convoy"] = out


# ------------------------------------------------------------------------------------------------
# f. the cost of measuring
# ------------------------------------------------------------------------------------------------

def interleaved(variants, runs, measure):
    """Runs measure(cmd) for every (label, cmd) of `variants` once per round, rotating which goes
    first; returns {label: [values]}."""
    out = {label: [] for label, _ in variants}
    for r in range(runs):
        k = r % len(variants)
        for label, cmd in variants[k:] + variants[:k]:
            out[label].append(measure(cmd))
    return out


def bench_stats(args, results):
    section("f. The cost of measuring: statistics (vs a GILVM_NO_GIL_STATS build) and --gil-trace")
    out = {}
    results["stats"] = out
    if not args.nostats:
        print("skipped (a): pass --nostats PATH (a build with -DGILVM_NO_GIL_STATS=ON)")
    elif "single" not in args.stats_parts:
        print("skipped (a): --stats-parts")
    else:
        runs = args.runs_overhead
        print("(a) one thread: bench/programs/*.py, %d interleaved runs of each binary per program, order "
              "alternating; medians; 'spread' is min..max of the per-round paired wall ratios" % runs)
        rows, walls, cpus = [], [], []
        single = {}
        for name in STATS_PROGRAMS:
            path = os.path.join(PROGRAMS, name + ".py")
            ref = []

            def measure(exe):
                wall, cpu, stdout = run_timed([exe, path], args.timeout)
                if wall is None:
                    raise RunFailed("%s %s timed out" % (exe, path))
                if ref and stdout != ref[0]:
                    raise RunFailed("%s: output differs between runs" % name)
                ref.append(stdout)
                return wall, cpu

            t = interleaved([("gilvm", args.gilvm), ("nostats", args.nostats)], runs, measure)
            gw, gc = [x[0] for x in t["gilvm"]], [x[1] for x in t["gilvm"]]
            nw, nc = [x[0] for x in t["nostats"]], [x[1] for x in t["nostats"]]
            paired = [a / b for a, b in zip(gw, nw)]
            wall_ratio, cpu_ratio = median(gw) / median(nw), median(gc) / median(nc)
            walls.append(wall_ratio)
            cpus.append(cpu_ratio)
            single[name] = {"gilvm_wall": gw, "nostats_wall": nw, "gilvm_cpu": gc, "nostats_cpu": nc,
                            "wall_ratio": wall_ratio, "cpu_ratio": cpu_ratio}
            rows.append([name, "%.3f" % median(nw), "%.3f" % median(gw), "%+.1f%%" % (100 * (wall_ratio - 1)),
                         "%+.1f%%" % (100 * (cpu_ratio - 1)),
                         "%+.1f%% .. %+.1f%%" % (100 * (min(paired) - 1), 100 * (max(paired) - 1))])
        rows.append(["geomean", "", "", "%+.1f%%" % (100 * (geomean(walls) - 1)),
                     "%+.1f%%" % (100 * (geomean(cpus) - 1)), ""])
        table(["program", "nostats_s", "gilvm_s", "wall", "cpu", "spread (wall, paired)"], rows)
        print("target (gil-spec.md): statistics on <= +1.0%")
        single["geomean_wall_ratio"], single["geomean_cpu_ratio"] = geomean(walls), geomean(cpus)
        out["single"] = single
        if args.instructions:
            print()
            print("Instructions executed (valgrind cachegrind, one run each; exact):")
            rows, ratios = [], []
            for name in STATS_PROGRAMS:
                path = os.path.join(PROGRAMS, name + ".py")
                n = count_instructions(args.nostats, path, args.timeout)
                g = count_instructions(args.gilvm, path, args.timeout)
                ratios.append(g / n)
                single[name]["instructions"] = {"gilvm": g, "nostats": n}
                rows.append([name, "%.4fG" % (n / 1e9), "%.4fG" % (g / 1e9), "%+.3f%%" % (100 * (g / n - 1))])
            rows.append(["geomean", "", "", "%+.3f%%" % (100 * (geomean(ratios) - 1))])
            table(["program", "nostats", "gilvm", "instructions"], rows)
            single["geomean_instruction_ratio"] = geomean(ratios)

    if "threads" not in args.stats_parts:
        print("skipped (b): --stats-parts")
        return
    # (b) Threaded programs; each prints its own measurement, so start-up and the writing of the
    # trace file at exit are left out of the figure ("wall" includes them). The first row has no
    # figure of its own: the process's wall time shows what --gil-trace costs before a script runs.
    runs = args.runs
    trace_path = os.path.join("/tmp", "gil_bench_trace_%d.json" % os.getpid())
    units = 100000 if args.quick else 200000
    programs = [
        ("start-up (-c pass)", [], ["-c", "pass"], None),
        ("2 CPU threads, fair", ["--gil-policy", "fair"],
         [os.path.join(GIL_PROGRAMS, "cpu_threads.py"), "threads", "2", str(units), "--time"], "elapsed_s"),
        ("2 CPU threads, cpython3", ["--gil-policy", "cpython3", "--switch-interval", "5"],
         [os.path.join(GIL_PROGRAMS, "cpu_threads.py"), "threads", "2", str(units), "--time"], "elapsed_s"),
        ("socket echo, 2 threads", [],
         [os.path.join(GIL_PROGRAMS, "convoy.py"), "io", str(args.convoy_seconds), "--socket", "--time"],
         "roundtrips_per_s"),
    ]
    print()
    print("(b) threads: %d interleaved runs of each variant, order rotating; the program's own figure "
          "(elapsed_s: lower is better; round trips/s: higher is better), median; ratio = cost, >1 is slower; "
          "'wall' = the whole process, the trace file's writing included" % runs)
    rows, threaded = [], {}
    for label, flags, argv, key in programs:
        variants = [("gilvm", [args.gilvm] + flags + argv),
                    ("trace", [args.gilvm] + flags + ["--gil-trace", trace_path] + argv)]
        if args.nostats:
            variants.append(("nostats", [args.nostats] + flags + argv))
        sizes = []

        def measure(cmd):
            wall, stdout = run(cmd, args.timeout)
            if wall is None:
                raise RunFailed("%s timed out" % " ".join(cmd))
            f = parse_fields(stdout)
            if "--gil-trace" in cmd:
                sizes.append(os.path.getsize(trace_path))
                os.remove(trace_path)
            return (f[key] if key else wall), wall

        t = interleaved(variants, runs, measure)
        fig = {v: median([x[0] for x in t[v]]) for v, _ in variants}
        wall = {v: median([x[1] for x in t[v]]) for v, _ in variants}
        cost = (lambda a, b: b / a) if key == "roundtrips_per_s" else (lambda a, b: a / b)
        shown = "{:,.0f} trips/s".format(fig["gilvm"]) if key == "roundtrips_per_s" else "%.3f s" % fig["gilvm"]
        row = [label, shown, fmt_ratio(cost(fig["trace"], fig["gilvm"]), 3),
               fmt_ratio(wall["trace"] / wall["gilvm"], 3), "%.1f MB" % (median(sizes) / 1e6)]
        row.append(fmt_ratio(cost(fig["gilvm"], fig["nostats"]), 3) if args.nostats else "-")
        rows.append(row)
        threaded[label] = {"key": key, "runs": t, "trace_bytes": sizes,
                           "trace_cost": cost(fig["trace"], fig["gilvm"]),
                           "trace_wall_cost": wall["trace"] / wall["gilvm"],
                           "stats_cost": cost(fig["gilvm"], fig["nostats"]) if args.nostats else None}
    table(["program", "gilvm", "trace cost", "trace cost (wall)", "trace file", "stats cost"], rows)
    print("targets (gil-spec.md): statistics <= 1.01x, tracing <= 1.05x")
    out["threaded"] = threaded


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gilvm", default=os.path.join(ROOT, "build", "gilvm"),
                    help="gilvm binary (default build/gilvm)")
    ap.add_argument("--nopoll", help="gilvm built with -DGILVM_NO_GIL_POLL=ON (section 'overhead'; "
                    "skipped without it)")
    ap.add_argument("--nostats", help="gilvm built with -DGILVM_NO_GIL_STATS=ON (section 'stats'; its "
                    "comparisons against that build are skipped without it)")
    ap.add_argument("--stats-parts", default="single,threads",
                    help="parts of section 'stats' to run: single (one thread, against --nostats), "
                    "threads (--gil-trace and --nostats with threads); default both")
    ap.add_argument("--micro-bench", help="micro_bench binary (default: bench/micro_bench next to --gilvm)")
    ap.add_argument("--python", default="python3", help="CPython for the reference rows (default python3)")
    ap.add_argument("--quick", action="store_true", help="fewer runs and less work (a rough look; "
                    "the overhead section still runs 7 times)")
    ap.add_argument("--only", help="comma-separated sections to run (default: all)")
    ap.add_argument("--runs", type=int, help="runs per figure (default 7, --quick 3)")
    ap.add_argument("--overhead-runs", type=int, dest="runs_overhead",
                    help="runs per binary and program in 'overhead' and 'stats' (a) (default 9, --quick 7)")
    ap.add_argument("--instructions", action=argparse.BooleanOptionalAction, default=None,
                    help="in 'overhead' and 'stats', also count instructions with valgrind (default: on when "
                    "valgrind is installed, off with --quick)")
    ap.add_argument("--handoff-runs", type=int, help="micro_bench invocations in 'handoff' (default 3, "
                    "--quick 1)")
    ap.add_argument("--wait-quiet", type=float, metavar="FRACTION",
                    help="before each section, wait (up to 15 minutes) until the machine is less than "
                    "FRACTION busy (e.g. 0.1) with other work")
    ap.add_argument("--timeout", type=float, default=120, help="seconds allowed per run (default 120)")
    ap.add_argument("--json", metavar="FILE", help="also write every raw figure as JSON")
    args = ap.parse_args()
    args.python = real_python(args.python)

    args.runs = args.runs or (3 if args.quick else 7)
    args.runs_overhead = args.runs_overhead or (7 if args.quick else 9)
    args.handoff_runs = args.handoff_runs or (1 if args.quick else 3)
    args.cpu_units = 200000 if args.quick else 400000
    args.io_sleeps = 5 if args.quick else 10
    args.convoy_seconds = 0.5 if args.quick else 1.0
    if args.instructions is None:
        args.instructions = not args.quick and shutil.which("valgrind") is not None
    if args.micro_bench is None:
        args.micro_bench = os.path.join(os.path.dirname(os.path.abspath(args.gilvm)), "bench", "micro_bench")
    sections = SECTIONS if not args.only else args.only.split(",")
    for s in sections:
        if s not in SECTIONS:
            sys.exit("gil_bench.py: unknown section %r (one of %s)" % (s, ", ".join(SECTIONS)))
    for exe in [args.gilvm] + [x for x in (args.nopoll, args.nostats) if x]:
        if not os.access(exe, os.X_OK):
            sys.exit("gil_bench.py: %s not found; build it first (see --help)" % exe)
    py = subprocess.run([args.python, "-c", "import platform; print(platform.python_version())"],
                        capture_output=True, text=True).stdout.strip()

    args.python_version = py
    info = machine_info()
    info.update({"gilvm": os.path.abspath(args.gilvm), "nopoll": args.nopoll, "nostats": args.nostats,
                 "python": "%s (%s)" % (args.python, py)})
    print("gil_bench: %s, %s cores, kernel %s, %s" % (info["cpu"], info["nproc"], info["kernel"], info["date"]))
    print("gilvm %s; nopoll %s; nostats %s; python3 %s" % (info["gilvm"], args.nopoll or "-", args.nostats or "-", py))
    print("load average at start: %.2f %.2f %.2f" % info["loadavg_start"])
    results = {"machine": info}
    funcs = {"overhead": bench_overhead, "cpu": bench_cpu, "io": bench_io, "handoff": bench_handoff,
             "convoy": bench_convoy, "stats": bench_stats}
    failed = False
    try:
        for s in sections:
            if args.wait_quiet is not None:
                wait_quiet(args.wait_quiet)
            busy = machine_busy(1.0)
            print("\n[%s: the machine was %.0f%% busy (all cores, /proc/stat) in the second before; "
                  "load average %.2f]" % (s, 100 * busy, os.getloadavg()[0]))
            results.setdefault("busy_before", {})[s] = busy
            funcs[s](args, results)
    except RunFailed as e:
        print("\nFAILED: %s" % e)
        failed = True
    info["loadavg_end"] = os.getloadavg()
    print()
    print("load average at end: %.2f %.2f %.2f" % info["loadavg_end"])
    if max(info["loadavg_start"][0], info["loadavg_end"][0]) > (os.cpu_count() or 1):
        print("warning: the load average exceeded the number of cores; threaded figures are unreliable")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=1)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
