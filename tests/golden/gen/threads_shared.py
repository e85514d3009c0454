# One generator shared by several threads under the GIL: every item is produced once, resumed
# on whichever thread calls next(), and a generator running on one thread is "already executing"
# for the others only while it runs.
import threading

def numbers(n):
    for i in range(n):
        # Enough work between yields that threads switch in the middle of the body.
        total = 0
        for k in range(30):
            total += k
        yield i

shared = numbers(300)
lock = threading.Lock()
seen = []
errors = []

def worker():
    while True:
        with lock:
            try:
                v = next(shared)
            except StopIteration:
                return
        seen.append(v)

threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(seen), sorted(seen) == list(range(300)))

# Each thread runs its own generators, with deep delegation, in parallel with the others.
def chain(n):
    if n == 0:
        for i in range(50):
            yield i
        return "done"
    r = yield from chain(n - 1)
    return r

results = {}
def runner(name):
    g = chain(20)
    total = 0
    for v in g:
        total += v
    results[name] = total

threads = [threading.Thread(target=runner, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))

# A generator created on one thread and finished on another.
def greeter():
    who = yield "ready"
    yield "hello " + who
g = greeter()
print(next(g))
out = []
t = threading.Thread(target=lambda: out.append(g.send("thread")))
t.start()
t.join()
print(out, list(g))

# Without the lock, concurrent next() calls either get an item or see ValueError.
def slow():
    for i in range(300):
        x = 0
        for k in range(20):
            x += k
        yield i
unlocked = slow()
got = []
running_errors = []
def grab():
    while True:
        try:
            v = next(unlocked)
        except StopIteration:
            return
        except ValueError as e:
            running_errors.append(str(e))
            continue
        got.append(v)
threads = [threading.Thread(target=grab) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(got) == list(range(300)), all(e == "generator already executing" for e in running_errors))
