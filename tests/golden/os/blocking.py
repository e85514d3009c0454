# Blocking calls release the GIL: while one thread waits in os.read on a pipe, the others run
# (their progress is counted), and the program ends once the pipe is written. A signal reaches
# the main thread while it waits in os.read or os.waitpid (KeyboardInterrupt, as in CPython).
import os
import threading
import time

# 1. The main thread blocks in os.read; a counter thread and a writer thread keep running.
r, w = os.pipe()
progress = [0]
stop = [False]


def counter():
    while not stop[0]:
        progress[0] += 1


def writer():
    # Writes only after the counter has made progress while the main thread was blocked.
    while progress[0] < 20000:
        time.sleep(0.001)
    os.write(w, b'wake up')


threads = [threading.Thread(target=counter), threading.Thread(target=writer)]
for t in threads:
    t.start()
data = os.read(r, 100)
stop[0] = True
for t in threads:
    t.join()
print(data, progress[0] >= 20000)

# 2. A thread blocks in os.read; the main thread counts, then writes; the reader ends.
got = []


def reader():
    got.append(os.read(r, 100))


t = threading.Thread(target=reader)
t.start()
count = 0
for i in range(50000):
    count += 1
print(t.is_alive(), count)
os.write(w, b'for the reader')
t.join()
print(got)

# 3. SIGINT while the main thread waits in os.read: a child sends it.
pid = os.fork()
if pid == 0:
    time.sleep(0.2)
    os.kill(os.getppid(), 2)
    os._exit(0)
try:
    os.read(r, 100)
    print('read returned')
except KeyboardInterrupt:
    print('KeyboardInterrupt in os.read')
os.waitpid(pid, 0)

# 4. SIGINT while the main thread waits in os.waitpid for a child that sleeps.
sleeper = os.fork()
if sleeper == 0:
    time.sleep(30)
    os._exit(0)
pid = os.fork()
if pid == 0:
    time.sleep(0.2)
    os.kill(os.getppid(), 2)
    os._exit(0)
try:
    os.waitpid(sleeper, 0)
    print('waitpid returned')
except KeyboardInterrupt:
    print('KeyboardInterrupt in os.waitpid')
os.kill(sleeper, 9)
print(os.waitstatus_to_exitcode(os.waitpid(sleeper, 0)[1]), os.waitpid(pid, 0)[0] == pid)
os.close(r)
os.close(w)
print('done')
