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
    # The child: take a lock and wait on an Event (both go through the rebuilt lock state),
    # then exit through the normal shutdown path, which must not wait for the (absent) waiter
    # thread. (No new thread here: ThreadSanitizer, which CI runs the tests under, aborts a
    # child that starts threads after a multi-threaded fork.)
    os.close(r)
    out = []
    lock = threading.Lock()
    with lock:
        out.append(sum(range(100)))
    done = threading.Event()
    done.set()
    print(done.wait(1), file=sys.stderr)
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
