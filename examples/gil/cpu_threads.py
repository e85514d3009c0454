# CPU-bound threads under the GIL: the same pure-Python work in 1, 2 and 4 threads.
#
# A gilvm script: it imports `gil`, gilvm's own module (CPython has none), to show what the lock
# did in each row. Run it with `build/gilvm examples/gil/cpu_threads.py [--quick]`; add gilvm
# options before the script to compare policies, e.g.
# `build/gilvm --gil-policy cpython3 --switch-interval 5 examples/gil/cpu_threads.py`.
#
# What to expect: no speedup. Only the thread that holds the GIL runs bytecode, so N threads do
# the work one slice at a time, and every change of holder (a "switch") costs a handoff on top.
# Under the default policy (`fair`, a switch every 100 instructions when someone waits) two
# threads on two cores run at roughly 0.5-0.8x the speed of one: the GIL changes hands hundreds
# of thousands of times a second, and the waiting core idles. Four threads on two cores are far
# slower still: only the next waiter spins, the others sleep in the kernel, and each handoff to
# a sleeping thread costs a wake-up (tens of microseconds) for under a microsecond of work. On a
# busy machine (other processes on the cores) the spinning waiter loses its core too, a handoff
# then costs a wake-up as well, and two threads can be a hundred times slower than one. With
# `--gil-policy cpython3` (a switch every 5 ms) the threads run at about 1.0x: no speedup, but
# no penalty either. "GIL held" is the fraction of the row's time some thread held the lock:
# whatever is missing to 100% is time the lock sat idle between a release and the next holder.
#
# A row that runs longer than its limit (2.5 s, 0.5 s with --quick) is stopped; its speedup is
# then computed from the work done per second, and its time is marked with '*'.
import gil
import sys
import threading
import time

QUICK = "--quick" in sys.argv[1:]
UNITS = 24_000 if QUICK else 240_000  # total work per row, split over the threads
ROW_LIMIT_S = 0.5 if QUICK else 2.5
CHUNK = 500  # units between two looks at the stop flag
stop = [False]


def mix(x):
    x = (x * 1103515245 + 12345) % 2147483648
    return (x >> 7) ^ (x & 1023)


def work(lo, hi):
    total = 0
    i = lo
    while i < hi:
        v = mix(i)
        if v & 1:
            total += v % 97
        else:
            total -= v % 89
        i += 1
    return total


def worker(lo, hi, done, k):
    i = lo
    while i < hi and not stop[0]:
        j = min(i + CHUNK, hi)
        work(i, j)
        done[k] += j - i
        i = j


def run_row(n):
    """Splits UNITS over n threads; returns (seconds, units done, gil.stats() of the row)."""
    stop[0] = False
    per = UNITS // n
    done = [0] * n
    threads = [threading.Thread(target=worker, args=(k * per, (k + 1) * per, done, k), name=f"cpu-{n}/{k}")
               for k in range(n)]
    gil.reset()
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(0.0, start + ROW_LIMIT_S - time.perf_counter()))
    stop[0] = True
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    return elapsed, sum(done), gil.stats()


def fmt_ns(ns):
    if ns < 1000:
        return f"{ns} ns"
    if ns < 1_000_000:
        return f"{ns / 1e3:.1f} us"
    if ns < 1_000_000_000:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e9:.2f} s"


def print_table(header, rows):
    widths = [max([len(r[i]) for r in [header] + rows]) for i in range(len(header))]
    for r in [header] + rows:
        cells = [r[0].ljust(widths[0])] + [r[i].rjust(widths[i]) for i in range(1, len(r))]
        print("  ".join(cells))


def main():
    print(f"CPU-bound threads: {UNITS:,} units of pure-Python work per row, split over the threads")
    print(f"policy {gil.policy()}, check interval {sys.getcheckinterval()}, "
          f"switch interval {sys.getswitchinterval() * 1000:g} ms\n")
    rows, rates, results = [], {}, {}
    for n in (1, 2, 4):
        elapsed, done, s = run_row(n)
        rates[n] = max(done, 1) / elapsed
        results[n] = (elapsed, done, s)
        # Named per row: a thread of the previous row that was still exiting when gil.reset() ran
        # can appear in this window, with zero counts.
        workers = [t for t in s["threads"] if t["name"].startswith(f"cpu-{n}/")]
        wait_p99 = max([t["wait_ns"]["p99"] for t in workers])
        mark = "" if done == UNITS else "*"
        rows.append([str(n), f"{elapsed:.3f} s{mark}", f"{rates[n] / rates[1]:.2f}x", f"{s['switches']:,}",
                     f"{s['switches_per_second']:,.0f}", f"{s['held_fraction']:.1%}", f"{s['waiting_fraction']:.1%}",
                     fmt_ns(s["handoff_ns"]["p50"]), fmt_ns(wait_p99)])
    print_table(["threads", "time", "speedup", "switches", "switches/s", "GIL held", "waiting",
                 "handoff p50", "wait p99"], rows)
    if any([results[n][1] != UNITS for n in results]):
        print(f"* stopped at the {ROW_LIMIT_S:g} s limit; speedup from the work done per second")
    print()
    for n in (2, 4):
        speedup, s = rates[n] / rates[1], results[n][2]
        if speedup >= 1.3:
            what = (f"more than one GIL allows (it was held {s['held_fraction']:.0%} of the time, so at most "
                    f"one thread ran): the 1-thread row was slowed by other load; run it again")
        elif speedup >= 0.8:
            what = "no speedup"
        else:
            what = f"slower than 1 thread ({1 / speedup:.1f}x the time)"
        print(f"verdict: {n} threads: {speedup:.2f}x, {what}; the GIL changed hands {s['switches']:,} times "
              f"and sat idle between holders {1 - s['held_fraction']:.0%} of the time.")

main()
