# The check-interval sweep: how often the GIL changes hands, against what that costs.
#
# A gilvm script: it imports `gil`, gilvm's own module (CPython has none), to pin the policy
# (fair) and to show what the lock did. Run it with `build/gilvm examples/gil/check_interval.py
# [--quick]`.
#
# Two CPU-bound threads share a fixed amount of pure-Python work under the fair policy, for each
# check interval (sys.setcheckinterval: the holder hands the GIL to a waiter every N
# instructions; 0 = only when a waiter has waited a whole 15 ms switch interval). The time is
# compared with the same work in one thread. Then, with the same two threads running, an echo
# thread answers pings over a socketpair: "echo p50" is the median round trip, i.e. how long an
# IO-bound thread waits to run while the CPU-bound ones hold the GIL.
#
# What to expect: a trade-off. A short interval hands over often: many switches per second, each
# costing a handoff (and, with spinning waiters, a core that does nothing useful), so the time
# grows well beyond the sequential time. A longer interval costs less: 10000 instructions are
# still only tens of microseconds, so a woken IO thread still runs within a fraction of a
# millisecond (its own wake-up dominates). 0 (the time slice only) costs nothing in throughput
# (time close to 1x), but an IO thread then waits up to a whole 15 ms slice for each half of a
# round trip. "GIL held" is
# the fraction of the time a thread held the lock (the rest went to handoffs); "max wait" is the
# longest any CPU thread waited for its turn. A row that runs longer than its limit (1.5 s,
# 0.3 s with --quick) is stopped and its time extrapolated from the work done ('*').
import gil
import socket
import sys
import threading
import time

QUICK = "--quick" in sys.argv[1:]
UNITS = 40_000 if QUICK else 400_000  # total work per row, split over the two threads
ROW_LIMIT_S = 0.3 if QUICK else 1.5
ECHO_S = 0.05 if QUICK else 0.3  # how long the echo latency is sampled, per row
INTERVALS = [10, 100, 1000, 10000, 0]
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


def burn():
    while not stop[0]:
        work(0, CHUNK)


def run_cpu(n, tag):
    """Splits UNITS over n threads; returns (seconds for all of UNITS, extrapolated if the row
    was stopped; whether it was; gil.stats() of the row)."""
    stop[0] = False
    per = UNITS // n
    done = [0] * n
    threads = [threading.Thread(target=worker, args=(k * per, (k + 1) * per, done, k), name=f"cpu-{tag}/{k}")
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
    return elapsed * UNITS / max(sum(done), 1), sum(done) < UNITS, gil.stats()


def echo(sock):
    while True:
        data = sock.recv(64)
        if not data:
            break
        sock.sendall(data)
    sock.close()


def echo_p50(tag):
    """The median socketpair round trip while two CPU-bound threads run, over ECHO_S seconds."""
    stop[0] = False
    cpus = [threading.Thread(target=burn, name=f"burn-{tag}/{k}") for k in range(2)]
    client, server = socket.socketpair()
    echoer = threading.Thread(target=echo, args=(server,), name=f"echo-{tag}")
    echoer.start()
    for t in cpus:
        t.start()
    trips = []
    start = time.perf_counter()
    while time.perf_counter() - start < ECHO_S or len(trips) < 3:
        t0 = time.perf_counter()
        client.sendall(b"ping0000")
        client.recv(64)
        trips.append(time.perf_counter() - t0)
    stop[0] = True
    client.close()
    for t in cpus + [echoer]:
        t.join()
    trips.sort()
    return trips[len(trips) // 2]


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
    gil.set_policy("fair")
    sys.setswitchinterval(0.015)
    print(f"Check-interval sweep: {UNITS:,} units of pure-Python work in 2 threads, policy fair, "
          f"switch interval 15 ms")
    sys.setcheckinterval(100)
    one, _, _ = run_cpu(1, "seq")
    print(f"the same work in 1 thread: {one:.3f} s\n")
    rows, ratios, latency = [], {}, {}
    stopped = False
    for ci in INTERVALS:
        sys.setcheckinterval(ci)
        seconds, cut, s = run_cpu(2, str(ci))
        stopped = stopped or cut
        latency[ci] = echo_p50(str(ci))
        ratios[ci] = seconds / one
        workers = [t for t in s["threads"] if t["name"].startswith(f"cpu-{ci}/")]
        max_wait = max([t["wait_ns"]["max"] for t in workers])
        label = "0 (15 ms slice)" if ci == 0 else str(ci)
        rows.append([label, f"{seconds:.3f} s" + ("*" if cut else ""), f"{ratios[ci]:.2f}x", f"{s['switches']:,}",
                     f"{s['switches_per_second']:,.0f}", f"{s['held_fraction']:.1%}", fmt_ns(max_wait),
                     fmt_ns(int(latency[ci] * 1e9))])
    sys.setcheckinterval(100)
    print_table(["check interval", "time", "vs 1 thread", "switches", "switches/s", "GIL held", "max wait", "echo p50"],
                rows)
    if stopped:
        print(f"* stopped at the {ROW_LIMIT_S:g} s limit; time extrapolated from the work done")
    print()
    fastest = min(INTERVALS, key=lambda ci: ratios[ci])
    snappiest = min(INTERVALS, key=lambda ci: latency[ci])
    print(f"verdict: throughput: best with check interval {fastest} ({ratios[fastest]:.2f}x the 1-thread time), "
          f"worst with {max(INTERVALS, key=lambda ci: ratios[ci])} ({max(ratios.values()):.2f}x).")
    print(f"verdict: latency: an echo next to the two CPU threads answered fastest with check interval "
          f"{snappiest} ({latency[snappiest] * 1000:.3f} ms), slowest with "
          f"{max(INTERVALS, key=lambda ci: latency[ci])} ({max(latency.values()) * 1000:.3f} ms): "
          f"what a long interval saves in switches, IO threads pay in waiting.")


main()
