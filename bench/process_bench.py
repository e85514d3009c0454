#!/usr/bin/env python3
"""Threads against processes for CPU-bound work, under gilvm and python3 in the same run.

The work (counting primes below LIMIT, split into parts of equal cost) runs four ways: in 1 and
2 threads, and in 1 and 2 child processes (multiprocessing.Process, results through a Queue).
Under a GIL two threads take no less time than one; two processes should take about half the
time of one on a machine with two free cores.  For each interpreter the script prints the median
seconds of each way and the ratios 2 threads / 1 thread, 2 processes / 1 process and
2 processes / 2 threads; runs of the two interpreters are interleaved so load drift hits both.

    python3 bench/process_bench.py [--gilvm build/gilvm] [--runs 3] [--limit 60000]

The same file is the workload: `INTERP bench/process_bench.py --work MODE LIMIT` prints the
seconds MODE took (this half uses only what gilvm supports).  Standard library only.
"""
import sys


def count_primes(part, parts, limit):
    count = 0
    for block in range(part, limit // 100 + 1, parts):
        for n in range(max(block * 100, 2), min(block * 100 + 100, limit)):
            d = 2
            while d * d <= n:
                if n % d == 0:
                    break
                d += 1
            else:
                count += 1
    return count


def _thread_part(part, parts, limit, out):
    out.append(count_primes(part, parts, limit))


def _process_part(part, parts, limit, q):
    q.put(count_primes(part, parts, limit))


def work(mode, limit):
    import time
    import threading
    import multiprocessing
    kind, n = mode[:-1], int(mode[-1])
    start = time.perf_counter()
    if kind == "threads":
        out = []
        ts = [threading.Thread(target=_thread_part, args=(i, n, limit, out)) for i in range(n)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        total = sum(out)
    else:
        q = multiprocessing.Queue()
        ps = [multiprocessing.Process(target=_process_part, args=(i, n, limit, q)) for i in range(n)]
        for p in ps:
            p.start()
        total = sum([q.get() for p in ps])
        for p in ps:
            p.join()
    elapsed = time.perf_counter() - start
    print(f"{elapsed:.6f} {total}")


MODES = ["threads1", "threads2", "processes1", "processes2"]


def driver():
    import argparse
    import os
    import statistics
    import subprocess
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gilvm", default=os.path.join(os.path.dirname(here), "build", "gilvm"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=60000)
    args = ap.parse_args()
    from real_python import real_python  # here: the workload half runs under gilvm too
    interps = {"gilvm": args.gilvm, "python3": real_python(args.python)}
    times = {(i, m): [] for i in interps for m in MODES}
    answers = set()
    for _ in range(args.runs):
        for mode in MODES:
            for name, exe in interps.items():
                out = subprocess.run([exe, os.path.abspath(__file__), "--work", mode, str(args.limit)],
                                     capture_output=True, text=True, check=True).stdout.split()
                times[(name, mode)].append(float(out[0]))
                answers.add(out[1])
    if len(answers) != 1:
        sys.exit(f"the runs disagree on the count: {sorted(answers)}")
    print(f"primes below {args.limit}: {answers.pop()}; median of {args.runs} runs; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    print(f"{'':8} {'1 thread':>9} {'2 threads':>9} {'1 proc':>9} {'2 procs':>9}"
          f" {'2t/1t':>7} {'2p/1p':>7} {'2p/2t':>7}")
    for name in interps:
        med = {m: statistics.median(times[(name, m)]) for m in MODES}
        print(f"{name:8} {med['threads1']:9.3f} {med['threads2']:9.3f} {med['processes1']:9.3f}"
              f" {med['processes2']:9.3f} {med['threads2'] / med['threads1']:7.2f}"
              f" {med['processes2'] / med['processes1']:7.2f} {med['processes2'] / med['threads2']:7.2f}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--work":
        work(sys.argv[2], int(sys.argv[3]))
    else:
        driver()
