# The run that tests/gil/check_report.py records with --gil-report: two CPU-bound threads that
# contend for the GIL (their holds end by interval), and one that sleeps (holds ended
# by io) and yields once, a few tenths of a second in all.
import threading
import time


def spin(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def nap():
    for _ in range(5):
        time.sleep(0.02)
        spin(2000)
    time.sleep(0)


threads = [threading.Thread(target=spin, args=(300000,), name=f"worker-{i}") for i in range(2)]
threads.append(threading.Thread(target=nap, name="sleeper"))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
