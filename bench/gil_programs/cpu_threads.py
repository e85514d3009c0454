# CPU-bound threads: a fixed amount of pure-Python work, split over N threads or run in one.
#
#   cpu_threads.py MODE N UNITS [--time]
#     MODE seq      the work runs in the main thread, N chunks one after another
#     MODE threads  N threads, one chunk each, all started together, then joined
#   UNITS is the total work (the number of indices summed); each chunk gets UNITS // N of them
#   (UNITS must divide by N).
#
# Prints the checksum, which depends only on UNITS (never on MODE, N or scheduling). With --time it
# also prints "elapsed_s <seconds>": perf_counter around the work, thread start and join included,
# interpreter start-up and compilation excluded. bench/gil_bench.py reads that line.
# Runs unchanged under CPython, as the reference.
import sys
import threading
import time


def mix(x):
    x = (x * 1103515245 + 12345) % 2147483648
    return (x >> 7) ^ (x & 1023)


def chunk(lo, hi):
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


def main():
    args = [a for a in sys.argv[1:] if a != "--time"]
    show_time = "--time" in sys.argv[1:]
    if len(args) != 3 or args[0] not in ("seq", "threads"):
        print("usage: cpu_threads.py seq|threads N UNITS [--time]")
        sys.exit(2)
    mode, n, units = args[0], int(args[1]), int(args[2])
    if n < 1 or units % n != 0:
        print("UNITS must divide by N")
        sys.exit(2)
    per = units // n
    results = [0] * n

    def run(k):
        results[k] = chunk(k * per, (k + 1) * per)

    start = time.perf_counter()
    if mode == "seq":
        for k in range(n):
            run(k)
    else:
        threads = [threading.Thread(target=run, args=(k,)) for k in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    print("checksum", sum(results))
    if show_time:
        print("elapsed_s", elapsed)


main()
