# queue: Queue, LifoQueue, PriorityQueue, SimpleQueue.
import queue
import threading


def error(f):
    try:
        f()
    except Exception as e:
        print("  ", type(e).__name__ + ":", repr(e))


def drain(q):
    out = []
    while not q.empty():
        out.append(q.get_nowait())
    return out


print("-- exceptions")
print(queue.Empty, queue.Full, issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

print("-- FIFO, LIFO, priority order")
for kind in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = kind()
    for x in [5, 1, 4, 1, 5, 9, 2, 6]:
        q.put(x)
    print(kind.__name__, q.qsize(), q.empty(), q.full(), drain(q), q.empty())

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa"), (5, "e"), (0, "z"), (4, "d")]:
    pq.put(item)
print(pq.queue)
print([pq.get() for i in range(pq.qsize())])
pq = queue.PriorityQueue()
for x in [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 10, -1]:
    pq.put_nowait(x)
print(pq.queue)
pq.get()
pq.get()
print(pq.queue)

print("-- bounded queues")
q = queue.Queue(maxsize=2)
q.put("a")
q.put("b", block=False)
print(q.full(), q.qsize(), q.maxsize)
error(lambda: q.put_nowait("c"))
error(lambda: q.put("c", False))
error(lambda: q.put("c", timeout=0.01))
error(lambda: q.put("c", True, 0))
error(lambda: q.put("c", timeout=-1))
print(q.get(), q.get(timeout=1))
error(q.get_nowait)
error(lambda: q.get(False))
error(lambda: q.get(timeout=0.01))
error(lambda: q.get(timeout=-0.5))
error(lambda: q.get(block=False, timeout=-1))
lq = queue.LifoQueue(1)
lq.put(1)
error(lambda: lq.put(2, timeout=0.01))
print(lq.get(), queue.Queue(0).full(), queue.Queue(-5).full())
unbounded = queue.Queue()
for i in range(1000):
    unbounded.put_nowait(i)
print(unbounded.qsize(), unbounded.full(), unbounded.get(), unbounded.qsize())

print("-- blocking put and get wake each other")
q = queue.Queue(maxsize=1)
log = []


def slow_consumer():
    for i in range(5):
        log.append(q.get())


t = threading.Thread(target=slow_consumer)
t.start()
for i in range(5):
    q.put(i)
t.join()
print(log, q.empty())
results = []


def getter():
    results.append(q.get(timeout=10))


t = threading.Thread(target=getter)
t.start()
q.put("late item")
t.join()
print(results)

print("-- task_done and join")
q = queue.Queue()
error(q.task_done)
q.join()
print("join on a queue with no tasks returns at once")
done = []
lock = threading.Lock()


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with lock:
            done.append(item * item)
        q.task_done()


ws = [threading.Thread(target=worker) for i in range(4)]
for w in ws:
    w.start()
for i in range(100):
    q.put(i)
q.join()
print(len(done), sum(done), q.unfinished_tasks)
for w in ws:
    q.put(None)
q.join()
for w in ws:
    w.join()
error(q.task_done)

print("-- many producers and consumers")
STOP = (99, 99)    # sorts after every item, for the PriorityQueue
for kind in (queue.Queue, queue.LifoQueue, queue.PriorityQueue, queue.SimpleQueue):
    tracked = kind is not queue.SimpleQueue
    q = kind(8) if tracked else kind()
    got = []


    def produce(p):
        for i in range(50):
            q.put((p, i))


    def consume():
        while True:
            item = q.get()
            if item == STOP:
                return
            with lock:
                got.append(item)
            if tracked:
                q.task_done()


    cs = [threading.Thread(target=consume) for i in range(3)]
    ps = [threading.Thread(target=produce, args=(p,)) for p in range(6)]
    for t in cs + ps:
        t.start()
    for t in ps:
        t.join()
    # The stop marks go in once every item is out: a LifoQueue would hand
    # them out first otherwise.  SimpleQueue is FIFO and has no join().
    if tracked:
        q.join()
    for t in cs:
        q.put(STOP)
    for t in cs:
        t.join()
    print(kind.__name__, len(got), sorted(got) == sorted([(p, i) for p in range(6) for i in range(50)]))

print("-- SimpleQueue")
sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
for i in range(3):
    sq.put(i)
sq.put_nowait("x")
sq.put(4, block=False, timeout=1)
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.get(False), sq.get(timeout=1), sq.get(True, 0))
error(sq.get_nowait)
error(lambda: sq.get(timeout=0.01))
error(lambda: sq.get(timeout=-1))
error(lambda: sq.get(False, -1))
print(sq.empty())
