# Many threads contending on a Lock, an RLock, a Condition and a Queue.
import queue
import threading

print("-- 100 threads increment one counter under a Lock")
counter = [0]
lock = threading.Lock()


def bump(n):
    for i in range(n):
        with lock:
            v = counter[0]
            counter[0] = v + 1


ts = [threading.Thread(target=bump, args=(25,)) for i in range(100)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter[0], threading.active_count())

print("-- 100 threads take an RLock recursively")
rlock = threading.RLock()
totals = {}


def nested(k, depth):
    with rlock:
        if depth == 0:
            totals[k] = totals.get(k, 0) + 1
        else:
            nested(k, depth - 1)


def rl_worker(k):
    for i in range(20):
        nested(k % 10, 3)


ts = [threading.Thread(target=rl_worker, args=(k,)) for k in range(100)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(totals.items()))

print("-- 50 producers, 50 consumers, one bounded Queue")
q = queue.Queue(maxsize=10)
results = queue.Queue()


def producer(p):
    for i in range(30):
        q.put(p * 100 + i)


def consumer():
    total = 0
    count = 0
    while True:
        item = q.get()
        if item < 0:
            q.task_done()
            break
        total += item
        count += 1
        q.task_done()
    results.put((count, total))


cs = [threading.Thread(target=consumer) for i in range(50)]
ps = [threading.Thread(target=producer, args=(p,)) for p in range(50)]
for t in cs + ps:
    t.start()
for t in ps:
    t.join()
q.join()
print("all items processed:", q.unfinished_tasks, q.qsize())
for t in cs:
    q.put(-1)
for t in cs:
    t.join()
count = 0
total = 0
while not results.empty():
    c, s = results.get()
    count += c
    total += s
expect = 0
for p in range(50):
    for i in range(30):
        expect += p * 100 + i
print(count, total, total == expect)

print("-- a Condition with 50 waiters handing a token around")
cond = threading.Condition()
turn = [0]
order = []


def take_turn(k):
    with cond:
        cond.wait_for(lambda: turn[0] == k)
        order.append(k)
        turn[0] += 1
        cond.notify_all()


ts = [threading.Thread(target=take_turn, args=(k,)) for k in range(50)]
for t in reversed(ts):
    t.start()
for t in ts:
    t.join()
print(order == list(range(50)), len(order))

print("-- threads that start threads")
made = []
mlock = threading.Lock()


def spawn(depth):
    with mlock:
        made.append(depth)
    if depth < 5:
        kids = [threading.Thread(target=spawn, args=(depth + 1,)) for i in range(2)]
        for k in kids:
            k.start()
        for k in kids:
            k.join()


t = threading.Thread(target=spawn, args=(0,))
t.start()
t.join()
print(len(made), [made.count(d) for d in range(6)])
print(threading.active_count(), [x.name for x in threading.enumerate()])
