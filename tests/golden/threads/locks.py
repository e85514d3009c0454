# Lock, RLock, Semaphore and BoundedSemaphore.
import threading
import _thread


def error(f):
    try:
        f()
    except Exception as e:
        print("  ", type(e).__name__ + ":", e)


print("-- Lock")
lock = threading.Lock()
print(type(lock).__name__, type(lock) is _thread.LockType, threading.Lock is _thread.allocate_lock)
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(True, 0.01), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
error(lock.release)
with lock:
    print("in with:", lock.locked())
print("after with:", lock.locked())
error(lambda: lock.acquire(False, 1))

# A plain lock may be released by another thread than the one holding it.
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released by another thread:", lock.locked())

print("-- RLock")
r = threading.RLock()
print(type(r).__name__, r.acquire(), r.acquire(), r.acquire(False))
r.release()
r.release()
r.release()
error(r.release)
box = []


def try_rlock():
    box.append(r.acquire(False))
    try:
        r.release()
    except RuntimeError as e:
        box.append(str(e))


with r:
    with r:
        t = threading.Thread(target=try_rlock)
        t.start()
        t.join()
print(box)
t = threading.Thread(target=try_rlock)
t.start()
t.join()
print(box)


def recurse(n):
    with r:
        if n == 0:
            return 0
        return n + recurse(n - 1)


print(recurse(50))

print("-- Semaphore")
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release()
print(s.acquire(blocking=False))
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))
error(lambda: threading.Semaphore(-1))
error(lambda: s.acquire(False, 1))
error(lambda: s.release(0))
z = threading.Semaphore(0)
print(z.acquire(False))
print(threading.Semaphore().acquire(False))

# At most 3 of 8 threads hold the semaphore at any time.
sem = threading.Semaphore(3)
state = threading.Condition()
inside = [0, 0]          # current, most seen
finish = threading.Event()


def limited(i):
    with sem:
        with state:
            inside[0] += 1
            inside[1] = max(inside[1], inside[0])
            state.notify_all()
        finish.wait()
        with state:
            inside[0] -= 1


ts = [threading.Thread(target=limited, args=(i,)) for i in range(8)]
for t in ts:
    t.start()
with state:
    print("three inside:", state.wait_for(lambda: inside[0] == 3, 10))
print("fourth gets in:", sem.acquire(timeout=0.05))
finish.set()
for t in ts:
    t.join()
print("most inside at once:", inside[1], "now:", inside[0])
print("all free again:", [sem.acquire(False) for i in range(4)])

print("-- BoundedSemaphore")
b = threading.BoundedSemaphore(2)
error(b.release)
print(b.acquire(), b.acquire(), b.acquire(False))
b.release()
b.release()
error(b.release)
b.acquire()
error(lambda: b.release(2))
b.release()
with b:
    print("with:", b.acquire(False))
print(b.acquire(False), b.acquire(False), b.acquire(False))
print(isinstance(b, threading.Semaphore))

print("-- Condition needs its lock")
c = threading.Condition()
error(c.wait)
error(c.notify)
error(c.notify_all)
c2 = threading.Condition(threading.Lock())
error(lambda: c2.wait(0.01))
with c2:
    print(c2.wait(0.01), c2.wait(0), c2.wait(timeout=-1))
    c2.notify()
    c2.notify_all()
print("ok")
