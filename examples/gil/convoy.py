# The convoy effect (bpo-7946): an IO thread next to a CPU-bound thread, under each GIL policy.
#
# A gilvm script: it imports `gil`, gilvm's own module (CPython has none), to switch policies
# between rows (gil.set_policy) and to show what the lock did. Run it with
# `build/gilvm examples/gil/convoy.py [--quick]`.
#
# Two threads exchange a message over a local socketpair: the main thread sends 8 bytes, an echo
# thread sends them back. Each recv blocks, which releases the GIL, and each wake-up needs the
# GIL back. Per policy the script measures the echo alone, a CPU-bound thread (a pure-Python
# loop) alone, and both together: round trips per second, how much slower the echo gets next to
# the CPU thread, and how much of its speed the CPU thread keeps ("CPU progress").
#
# What to expect:
#  - cpython3 (CPython 3.2 and later; the row uses sys.setswitchinterval(0.005), CPython's default
#    5 ms, instead of gilvm's 15 ms): a woken IO thread waits until the CPU thread's switch
#    interval runs out, so each round trip costs up to a switch interval or two, and the echo
#    runs tens of times slower; the CPU thread hardly notices. This is the convoy effect.
#  - fair (gilvm's default): the CPU thread hands over within 100 instructions to a waiter, so a
#    woken IO thread runs within microseconds: the echo keeps a large part of its speed, and the
#    CPU thread pays instead (it gets the GIL back only between the echo's turns).
#  - cpython2 (CPython <= 3.1): every 100 instructions the holder releases and competes again;
#    the IO thread gets in quickly, at the price of a wake-up race at every check.
# "IO wait p50/p99" are the waits for the GIL of the two echo threads next to the CPU thread.
import gil
import socket
import sys
import threading
import time

QUICK = "--quick" in sys.argv[1:]
SECONDS = 0.1 if QUICK else 0.5  # per measurement; three per policy
# (policy, check interval, switch interval in seconds or None where the policy has no time slice)
POLICIES = [("fair", 100, 0.015), ("cpython2", 100, None), ("cpython3", 100, 0.005)]
stop = [False]


def burn(out):
    x, units = 1, 0
    while not stop[0]:
        i = 0
        while i < 100:
            x = (x * 31 + i) % 1000003
            i += 1
        units += 1
    out[0] = units


def echo(sock):
    while True:
        data = sock.recv(64)
        if not data:
            break
        sock.sendall(data)
    sock.close()


def measure(with_echo, with_cpu, tag):
    """Runs for SECONDS; returns (round trips/s, CPU units/s, gil.stats())."""
    stop[0] = False
    units = [0]
    cpu = threading.Thread(target=burn, args=(units,), name=f"cpu-{tag}")
    trips = 0
    if with_echo:
        client, server = socket.socketpair()
        echoer = threading.Thread(target=echo, args=(server,), name=f"echo-{tag}")
        echoer.start()
        client.sendall(b"warm-up!")  # one round trip first, so the echo thread is running
        client.recv(64)
    gil.reset()
    start = time.perf_counter()
    if with_cpu:
        cpu.start()
    if with_echo:
        while trips == 0 or time.perf_counter() - start < SECONDS:
            client.sendall(b"ping0000")
            if client.recv(64) != b"ping0000":
                raise RuntimeError("the echo came back wrong")
            trips += 1
    else:
        time.sleep(SECONDS)
    elapsed = time.perf_counter() - start
    stats = gil.stats()
    stop[0] = True
    if with_cpu:
        cpu.join()
    if with_echo:
        client.close()
        echoer.join()
    return trips / elapsed, units[0] / elapsed, stats


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
    print(f"Convoy: a socketpair echo, alone and next to a CPU-bound thread; {SECONDS:g} s per measurement")
    print("cpython3 runs with a 5 ms switch interval (CPython's default), fair with gilvm's 15 ms\n")
    rows, figures = [], {}
    for policy, check, switch in POLICIES:
        gil.set_policy(policy)
        sys.setcheckinterval(check)
        sys.setswitchinterval(switch or 0.015)
        io_alone, _, _ = measure(True, False, policy + "-a")
        _, cpu_alone, _ = measure(False, True, policy + "-b")
        io_both, cpu_both, s = measure(True, True, policy + "-c")
        io_threads = [t for t in s["threads"] if t["name"] in ("MainThread", "echo-" + policy + "-c")]
        wait_p50 = max([t["wait_ns"]["p50"] for t in io_threads])
        wait_p99 = max([t["wait_ns"]["p99"] for t in io_threads])
        figures[policy] = (io_alone, io_both, cpu_alone, cpu_both, switch)
        rows.append([policy, f"{switch * 1000:g} ms" if switch else "-", f"{io_alone:,.0f}", f"{io_both:,.0f}",
                     f"{io_alone / max(io_both, 1e-9):.1f}x", f"{cpu_both / max(cpu_alone, 1e-9):.0%}",
                     f"{s['switches_per_second']:,.0f}", fmt_ns(wait_p50), fmt_ns(wait_p99)])
    print_table(["policy", "slice", "trips/s alone", "trips/s +CPU", "IO slowdown", "CPU progress",
                 "switches/s", "IO wait p50", "IO wait p99"], rows)
    print()
    io_alone, io_both, _, _, switch = figures["cpython3"]
    per_trip_ms = 1000 / max(io_both, 1e-9)
    print(f"verdict: cpython3: next to the CPU thread a round trip took {per_trip_ms:.2f} ms "
          f"({per_trip_ms / (switch * 1000):.1f} switch intervals of {switch * 1000:g} ms), "
          f"{io_both / max(io_alone, 1e-9):.2f}x its speed alone: "
          + ("the convoy effect." if per_trip_ms >= switch * 1000 / 2 else "no convoy this time."))
    f_alone, f_both, f_cpu_alone, f_cpu_both, _ = figures["fair"]
    print(f"verdict: fair: next to the CPU thread the echo ran at {f_both / max(f_alone, 1e-9):.2f}x its speed alone "
          f"(a round trip in {1000 / max(f_both, 1e-9):.3f} ms) and the CPU thread kept "
          f"{f_cpu_both / max(f_cpu_alone, 1e-9):.0%} of its speed: "
          + ("no convoy; the CPU thread pays instead." if f_both > io_both * 2 else "as slow as cpython3 this time."))

main()
