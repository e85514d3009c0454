# multiprocessing.Pool: map, starmap, imap, imap_unordered, apply, apply_async with callbacks,
# map_async, exceptions re-raised in the parent, timeouts, close/join/terminate, with.
import multiprocessing
import os
import time


def square(x):
    return x * x


def add(a, b):
    return a + b


def pid_of(_):
    return os.getpid()


def fail_on(x):
    if x == 3:
        raise ValueError(f"bad item {x}")
    return x


def slow(x):
    time.sleep(x)
    return x


def kw(a, b=0, *, c=0):
    return (a, b, c)


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, []))
        print(pool.map(square, range(7), chunksize=3))
        print(pool.starmap(add, [(1, 2), (3, 4), ("a", "b")]))
        print(list(pool.imap(square, range(5))))
        print(sorted(pool.imap_unordered(square, range(6))))
        print(pool.apply(add, (2, 3)))
        print(pool.apply(kw, (1,), {"b": 2, "c": 3}))
        r = pool.apply_async(square, (12,))
        print(r.get(timeout=10), r.ready(), r.successful())
        pids = pool.map(pid_of, range(8), chunksize=1)
        print(all([p != os.getpid() for p in pids]))

        got = []
        r = pool.apply_async(square, (5,), callback=got.append)
        r.wait(10)
        time.sleep(0.05)
        print("callback:", got)
        errs = []
        r = pool.apply_async(fail_on, (3,), error_callback=lambda e: errs.append(repr(e)))
        r.wait(10)
        time.sleep(0.05)
        print("error_callback:", errs, r.successful())

        try:
            pool.map(fail_on, range(6))
        except ValueError as e:
            print("map raised", type(e).__name__, e)
        try:
            pool.apply(fail_on, (3,))
        except ValueError as e:
            print("apply raised", e)
        it = pool.imap(fail_on, [1, 2, 3, 4])
        print(next(it), next(it))
        try:
            next(it)
        except ValueError as e:
            print("imap raised", e)

        m = pool.map_async(square, [1, 2, 3])
        print(m.get(10))
        r = pool.apply_async(slow, (0.5,))
        try:
            r.get(timeout=0.05)
        except multiprocessing.TimeoutError:
            print("TimeoutError", r.ready())
        try:
            r.successful()
        except ValueError:
            print("not ready yet")
        print(r.get(10))

    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print(e)

    pool = multiprocessing.Pool(processes=2)
    results = [pool.apply_async(add, (i, i)) for i in range(5)]
    pool.close()
    try:
        pool.apply_async(square, (1,))
    except ValueError as e:
        print(e)
    pool.join()
    print([r.get() for r in results])

    pool = multiprocessing.Pool(1)
    try:
        pool.join()
    except ValueError as e:
        print(e)
    pool.terminate()
    pool.join()
    print("terminated")

    try:
        multiprocessing.Pool(0)
    except ValueError as e:
        print(e)
