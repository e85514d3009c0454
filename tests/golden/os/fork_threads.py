# fork while other threads run: only the forking thread exists in the child, whose interpreter
# keeps working (threads, locks, output) and exits without waiting for the parent's threads.
import os
import sys
import threading
import time

gate = threading.Event()
ticks = [0]


def waiter():
    gate.wait()


def spinner():
    while not gate.is_set():
        ticks[0] += 1
        time.sleep(0.0005)


threads = [threading.Thread(target=waiter), threading.Thread(target=spinner, daemon=True)]
for t in threads:
    t.start()
time.sleep(0.05)

r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    # The child: run a new thread and take a lock, then exit through the normal shutdown path,
    # which must not wait for the (absent) waiter thread.
    os.close(r)
    out = []
    lock = threading.Lock()

    def child_work():
        with lock:
            out.append(sum(range(100)))

    t = threading.Thread(target=child_work)
    t.start()
    t.join()
    os.write(w, ('child saw %d' % out[0]).encode())
    os.close(w)
    sys.exit(5)
os.close(w)
print(os.read(r, 100))
os.close(r)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
gate.set()
for t in threads:
    t.join()
print(ticks[0] > 0, 'parent done')
