# IO-bound threads: N threads each sleep K times for 10 ms, or the same N * K sleeps in one thread.
#
#   io_threads.py MODE N K [--time]
#     MODE seq      the main thread sleeps N * K times
#     MODE threads  N threads sleep K times each, all started together, then joined
#
# time.sleep releases the GIL for the whole wait, so the threads' sleeps overlap: the ideal
# speedup of threads over seq is N. Prints the number of sleeps; with --time also
# "elapsed_s <seconds>" (perf_counter around the sleeps, thread start and join included).
# Runs unchanged under CPython, as the reference.
import sys
import threading
import time

SLEEP_S = 0.010


def sleeper(k, counts, idx):
    for _ in range(k):
        time.sleep(SLEEP_S)
        counts[idx] += 1


def main():
    args = [a for a in sys.argv[1:] if a != "--time"]
    show_time = "--time" in sys.argv[1:]
    if len(args) != 3 or args[0] not in ("seq", "threads"):
        print("usage: io_threads.py seq|threads N K [--time]")
        sys.exit(2)
    mode, n, k = args[0], int(args[1]), int(args[2])
    counts = [0] * n
    start = time.perf_counter()
    if mode == "seq":
        for idx in range(n):
            sleeper(k, counts, idx)
    else:
        threads = [threading.Thread(target=sleeper, args=(k, counts, idx)) for idx in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    print("sleeps", sum(counts))
    if show_time:
        print("elapsed_s", elapsed)


main()
