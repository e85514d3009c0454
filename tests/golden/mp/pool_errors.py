# Pool edge cases gilvm must not hang on: an unpicklable function (a lambda) fails in the parent,
# and a worker that dies in a task makes that task fail within a bounded time.
# gilvm-specific behaviour for the dead worker (CPython's pool would hang), so it is checked
# without printing what differs: only that get() returns or raises in time.
import multiprocessing
import os
import pickle
import time


def die(code):
    os._exit(code)


def ok(x):
    return x + 1


pool = multiprocessing.Pool(2)
try:
    pool.map(lambda x: x, [1, 2])
except pickle.PicklingError as e:
    print("PicklingError:", str(e).split(":")[0][:15])
print(pool.map(ok, [1, 2, 3]))
pool.terminate()
pool.join()

pool = multiprocessing.Pool(1)
r = pool.apply_async(die, (3,))
try:
    r.get(timeout=3)
    print("no error?!")
except Exception:
    print("get() of a task whose worker died fails in time")
pool.terminate()
pool.join()
print("done")
