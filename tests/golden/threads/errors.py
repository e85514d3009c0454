# The argument errors of the thread and time functions, worded as CPython's.
import _thread
import sys
import threading
import time


def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)


lock = _thread.allocate_lock()
show(lambda: lock.acquire(False, 1))
show(lambda: lock.acquire(timeout=-2))
show(lambda: lock.acquire(timeout="x"))
show(lambda: lock.acquire(1, 2, 3))
show(lambda: lock.release())
show(lambda: lock.release(1))
show(lambda: lock.acquire(timeout=0.01))
show(lambda: lock.acquire(timeout=0.01))
show(lambda: lock.locked())
show(lambda: _thread.RLock().release())
show(lambda: _thread.RLock()._release_save())
show(lambda: _thread.start_new_thread(1, ()))
show(lambda: _thread.start_new_thread(print, 1))
show(lambda: _thread.start_new_thread(print, (), 1))
show(lambda: time.sleep(-1))
show(lambda: time.sleep("a"))
show(lambda: time.sleep(float("nan")))
show(lambda: time.sleep())
show(lambda: time.time(1))
show(lambda: time.sleep(0))
show(lambda: sys.setswitchinterval(0))
show(lambda: sys.setswitchinterval(-1.5))
show(lambda: sys.setswitchinterval("a"))
show(lambda: sys.setswitchinterval(0.005))
show(lambda: sys.getswitchinterval())
show(lambda: threading.Thread(target=print).join())
show(lambda: threading.current_thread().join())
show(lambda: threading.Semaphore(-1))
show(lambda: threading.BoundedSemaphore(1).release())
show(lambda: threading.Condition().wait())
show(lambda: threading.Condition().notify())
t = threading.Thread(target=print, args=("thread ran",))
t.start()
t.join()
show(lambda: t.start())
show(lambda: setattr(t, "daemon", True))
print(t.is_alive(), threading.active_count(), threading.main_thread().name)
