# The run behind tests/gil/check_outputs.py: two CPU-bound threads, one that sleeps five times,
# and the main thread joining them, so that every release reason but `timeout` and `yield` occurs.
# The CPU-bound threads start counting together and wait for each other, so that they take
# turns on the GIL.
import sys
import threading
import time

sys.setcheckinterval(1000)  # a few hundred switches, not thousands: quick under the sanitizers too
go = threading.Event()
progress = [0, 0]


def count_down(me, n):
    go.wait()
    # First make sure the other one runs too, however late the scheduler wakes it: the two
    # must take turns on the GIL at least once.
    while progress[0] < 1_000 or progress[1] < 1_000:
        progress[me] += 1
    while n > 0:
        n -= 1


def nap(times):
    for _ in range(times):
        time.sleep(0.001)


workers = [threading.Thread(target=count_down, args=(i, 100_000), name=f"cpu-{i}") for i in range(2)]
workers.append(threading.Thread(target=nap, args=(5,), name="sleeper"))
for t in workers:
    t.start()
go.set()
for t in workers:
    t.join()
print("done")
