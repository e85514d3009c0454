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

# ProcessPoolExecutor reports a dead worker as CPython does: BrokenProcessPool, for the running
# future and for every later submit.
from concurrent.futures import ProcessPoolExecutor
ex = ProcessPoolExecutor(2)
f = ex.submit(die, 3)
try:
    f.result(timeout=10)
except Exception as e:
    print(type(e).__name__, e)
try:
    ex.submit(ok, 1)
except Exception as e:
    print(type(e).__name__, e)
ex.shutdown()
print("executor shut down")
