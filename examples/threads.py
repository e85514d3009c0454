# Threads under a GIL: CPU-bound work gains nothing from a second thread, while threads that
# wait (here: sleep, as they would for a disk, a socket or a child process) overlap their waits.
# The figures vary from run to run, so this prints verdicts; bench/gil_bench.py prints numbers.
import threading
import time


def count_down(n):
    while n > 0:
        n -= 1


def run_in_threads(target, args_per_thread):
    threads = [threading.Thread(target=target, args=args) for args in args_per_thread]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


WORK = 400_000
one = run_in_threads(count_down, [(WORK,)])
two = run_in_threads(count_down, [(WORK // 2,), (WORK // 2,)])
print("CPU-bound: the same work in 2 threads instead of 1 is",
      "no faster" if two > 0.6 * one else "faster")

# The sleepers start their naps together (once all of them exist), so the time measured is the
# naps alone, not how long it took to start the threads.
SLEEPERS, NAP = 8, 0.1
go = threading.Event()


def nap():
    go.wait()
    time.sleep(NAP)


sleepers = [threading.Thread(target=nap) for _ in range(SLEEPERS)]
for t in sleepers:
    t.start()
start = time.perf_counter()
go.set()
for t in sleepers:
    t.join()
waited = time.perf_counter() - start
print(f"IO-bound: {SLEEPERS} threads sleeping {NAP} s each finish together:",
      "yes" if waited < 3 * NAP else "no")
