# IO-bound threads under the GIL: the same requests served by 1, 2, 4, 8 and 16 threads.
#
# A gilvm script: it imports `gil`, gilvm's own module (CPython has none), to show what the lock
# did in each row. Run it with `build/gilvm examples/gil/io_threads.py [--quick]`.
#
# Each "request" waits 10 ms for a reply (time.sleep stands in for a slow server, a disk or a
# child process: like a blocking read, it releases the GIL for the whole wait) and then spends a
# few microseconds of Python on the answer. A fixed number of requests is split over the threads.
#
# What to expect: a near-linear speedup, N threads finish about N times sooner, because the
# waits overlap; only the short Python parts take turns on the GIL. "GIL held" stays low (a few
# percent): the lock is not what limits these threads, the waiting is. Every worker releases the
# GIL at each of its waits ("IO rel/thread" is at least "waits/thread"). The speedup falls short
# of N by thread start-up and join, and by the wake-ups: after each wait a thread needs the GIL
# back, and with many threads some wake at once and queue for it ("wait p99").
import gil
import sys
import threading
import time

QUICK = "--quick" in sys.argv[1:]
REQUESTS = 32 if QUICK else 64  # split over the threads: divisible by 16
WAIT_S = 0.005 if QUICK else 0.010


def handle(reply):
    # A little Python per answer: parse it, say. About 200 instructions.
    total = 0
    for ch in reply:
        total = (total * 31 + ord(ch)) % 65521
    return total


def worker(n_requests, out, k):
    total = 0
    for i in range(n_requests):
        time.sleep(WAIT_S)  # waiting for the reply: the GIL is released
        total += handle("reply %d from the server" % i)
    out[k] = total


def run_row(n):
    """Serves REQUESTS over n threads; returns (seconds, gil.stats() of the row)."""
    out = [0] * n
    threads = [threading.Thread(target=worker, args=(REQUESTS // n, out, k), name=f"io-{n}/{k}") for k in range(n)]
    gil.reset()
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, gil.stats()


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
    print(f"IO-bound threads: {REQUESTS} requests of {WAIT_S * 1000:g} ms each per row, split over the threads")
    print(f"policy {gil.policy()}, check interval {sys.getcheckinterval()}, "
          f"switch interval {sys.getswitchinterval() * 1000:g} ms\n")
    rows, speedups, held = [], {}, {}
    one = None
    for n in (1, 2, 4, 8, 16):
        elapsed, s = run_row(n)
        one = one or elapsed
        speedups[n], held[n] = one / elapsed, s["held_fraction"]
        # Named per row: a thread of the previous row that was still exiting when gil.reset() ran
        # can appear in this window, with zero counts.
        workers = [t for t in s["threads"] if t["name"].startswith(f"io-{n}/")]
        io_min = min([t["releases"]["io"] for t in workers])
        wait_p99 = max([t["wait_ns"]["p99"] for t in workers])
        rows.append([str(n), str(REQUESTS // n), f"{elapsed:.3f} s", f"{speedups[n]:.2f}x", f"{s['held_fraction']:.1%}",
                     f"{s['waiting_fraction']:.1%}", f"{s['switches']:,}", str(io_min), fmt_ns(wait_p99)])
    print_table(["threads", "waits/thread", "time", "speedup", "GIL held", "waiting", "switches",
                 "IO rel/thread", "wait p99"], rows)
    print()
    ideal = REQUESTS * WAIT_S
    print(f"verdict: 16 threads served the requests {speedups[16]:.1f}x faster than 1 (ideal 16x, "
          f"{ideal / 16 * 1000:g} ms instead of {ideal * 1000:g} ms): the waits overlap, because each "
          f"one releases the GIL.")
    print(f"verdict: the GIL was held at most {max(held.values()):.1%} of a row's time: the threads are "
          f"limited by the waiting, not by the lock.")


main()
