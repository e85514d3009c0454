# multiprocessing.Queue and Pipe between processes: objects of every kind cross pickled, get
# with block/timeout, empty, a consumer child, duplex and one-way pipes, poll, EOF.
import multiprocessing
import queue
import time


class Job:
    def __init__(self, n):
        self.n = n


def producer(q, count):
    for i in range(count):
        q.put((i, "item", [i] * 2, Job(i)))
    q.put(None)


def consumer(inq, outq):
    total = 0
    while True:
        item = inq.get()
        if item is None:
            break
        total += item
    outq.put(total)


def echo(conn):
    while True:
        msg = conn.recv()
        if msg == "stop":
            break
        conn.send(("echo", msg))
    conn.close()


q = multiprocessing.Queue()
print(q.empty())
try:
    q.get(timeout=0.1)
except queue.Empty:
    print("Empty after timeout")
try:
    q.get(block=False)
except queue.Empty:
    print("Empty without blocking")

p = multiprocessing.Process(target=producer, args=(q, 5))
p.start()
while True:
    item = q.get(timeout=10)
    if item is None:
        break
    i, word, lst, job = item
    print(i, word, lst, type(job).__name__, job.n)
p.join()
print("producer exit", p.exitcode)

inq, outq = multiprocessing.Queue(), multiprocessing.Queue()
c = multiprocessing.Process(target=consumer, args=(inq, outq))
c.start()
for i in range(100):
    inq.put(i)
inq.put(None)
print("sum from child:", outq.get(timeout=10))
c.join()

q.put("x")
time.sleep(0.1)
print(q.empty(), q.get())

a, b = multiprocessing.Pipe()
e = multiprocessing.Process(target=echo, args=(b,))
e.start()
print(a.poll(), a.poll(0.05))
for msg in [1, "two", {"three": 3.0}, b"four", None]:
    a.send(msg)
    print(a.recv())
a.send("stop")
e.join()
b.close()
try:
    a.recv()
except EOFError:
    print("EOFError after the other end closed")
a.close()
print(a.closed)

r, w = multiprocessing.Pipe(duplex=False)
w.send_bytes(b"raw bytes")
w.send([1, 2])
print(r.poll(1), r.recv_bytes(), r.recv())
r.close()
w.close()

lock = multiprocessing.Lock()
with lock:
    print("locked")
print(lock.acquire(), lock.acquire(False))
lock.release()
