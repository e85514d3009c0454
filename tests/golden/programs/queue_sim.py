# A bank-queue simulation with a deterministic random generator and a ring buffer queue.
class Random:
    def __init__(self, seed):
        self.state = seed
    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state
    def randint(self, lo, hi):
        return lo + self.next() % (hi - lo + 1)

class Queue:
    def __init__(self, capacity):
        self.buf = [None] * capacity
        self.head = 0
        self.count = 0
    def __len__(self):
        return self.count
    def push(self, x):
        if self.count == len(self.buf):
            raise OverflowError("queue full")
        self.buf[(self.head + self.count) % len(self.buf)] = x
        self.count += 1
    def pop(self):
        if self.count == 0:
            raise IndexError("pop from empty queue")
        x = self.buf[self.head]
        self.buf[self.head] = None
        self.head = (self.head + 1) % len(self.buf)
        self.count -= 1
        return x

rng = Random(42)
q = Queue(5)
served = 0
turned_away = 0
waits = []
busy_until = 0
for minute in range(30):
    if rng.randint(0, 2) > 0:
        try:
            q.push(minute)
        except OverflowError:
            turned_away += 1
    if minute >= busy_until and len(q) > 0:
        arrived = q.pop()
        waits.append(minute - arrived)
        served += 1
        busy_until = minute + rng.randint(1, 3)
    print("minute", minute, "queue", len(q), "served", served)
print("served", served, "turned away", turned_away, "still waiting", len(q))
print("waits", waits)
print("max wait", max(waits), "avg wait", round(sum(waits) / len(waits), 2))
try:
    Queue(1).pop()
except IndexError as e:
    print("error:", e)
