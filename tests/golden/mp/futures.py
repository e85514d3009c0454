# concurrent.futures: ThreadPoolExecutor and ProcessPoolExecutor (submit, map with timeout,
# exceptions, shutdown, with), Future (result/exception/done/cancel/callbacks), as_completed,
# wait with FIRST_COMPLETED and ALL_COMPLETED, TimeoutError.
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor, as_completed, wait
import threading
import time


def square(x):
    return x * x


def boom(x):
    raise KeyError(x)


def nap(x):
    time.sleep(x)
    return x


print(concurrent.futures.TimeoutError is TimeoutError)

with ThreadPoolExecutor(max_workers=3) as ex:
    f = ex.submit(square, 7)
    print(f.result(timeout=10), f.done(), f.exception(), f.cancelled())
    print(list(ex.map(square, range(6))))
    print(list(ex.map(pow, [2, 3], [5, 2])))
    bad = ex.submit(boom, "k")
    print(type(bad.exception(10)).__name__, repr(bad.exception()))
    try:
        bad.result()
    except KeyError as e:
        print("result raised KeyError", e)
    done_order = []
    futs = [ex.submit(nap, d) for d in (0.3, 0.01, 0.15)]
    for fut in as_completed(futs, timeout=10):
        done_order.append(fut.result())
    print(sorted(done_order))  # the order is the OS scheduler's: under sanitizers it varies
    slow = ex.submit(nap, 0.5)
    try:
        slow.result(timeout=0.05)
    except TimeoutError:
        print("TimeoutError from result()")
    try:
        list(ex.map(nap, [0.5], timeout=0.05))
    except TimeoutError:
        print("TimeoutError from map()")
    got = []
    f2 = ex.submit(square, 3)
    f2.add_done_callback(lambda fu: got.append(fu.result()))
    f2.result()
    time.sleep(0.05)
    f2.add_done_callback(lambda fu: got.append("late"))
    print(got)

fast = [ThreadPoolExecutor(1)]
ex = fast[0]
blocker = ex.submit(nap, 0.3)
pending = ex.submit(square, 2)
time.sleep(0.05)
print("cancel pending:", pending.cancel(), pending.cancelled(), pending.done())
print("cancel running:", blocker.cancel())
try:
    pending.result()
except concurrent.futures.CancelledError:
    print("CancelledError")
d = wait([blocker], timeout=5)
print(len(d.done), len(d.not_done))
ex.shutdown(wait=True)
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print(e)
try:
    ThreadPoolExecutor(0)
except ValueError as e:
    print(e)

with ThreadPoolExecutor(2) as ex:
    a = ex.submit(nap, 0.01)
    b = ex.submit(nap, 1.0)
    done, not_done = wait([a, b], timeout=10, return_when=concurrent.futures.FIRST_COMPLETED)
    print(len(done), len(not_done), done[0] is a if type(done) is list else a in done)
    done, not_done = wait([a, b], return_when=concurrent.futures.ALL_COMPLETED)
    print(len(done), len(not_done))
    try:
        for f in as_completed([ex.submit(nap, 0.5)], timeout=0.05):
            pass
    except TimeoutError as e:
        print("as_completed:", e)

with ProcessPoolExecutor(max_workers=2) as ex:
    print(ex.submit(square, 9).result(timeout=10))
    print(list(ex.map(square, range(8))))
    f = ex.submit(boom, 5)
    print(repr(f.exception(timeout=10)))
    futs = [ex.submit(square, i) for i in range(5)]
    print(sorted([f.result() for f in as_completed(futs)]))
    done, not_done = wait(futs)
    print(len(done), len(not_done))
print("end")
