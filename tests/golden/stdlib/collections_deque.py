# deque: both ends, maxlen, rotation, indexing, comparisons and threads appending at once.
from collections import deque
import threading

d = deque([1, 2, 3])
print(d, len(d), bool(d), bool(deque()))
d.append(4)
d.appendleft(0)
print(d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
print(d, d[0], d[-1], d[2])
d[0] = 'x'
del d[1]
print(d)
print(d.count(8), d.index(8), 3 in d, 99 in d)
d.insert(1, 'ins')
d.remove('ins')
d.reverse()
print(d, list(reversed(d)))
d.clear()
print(d, len(d))

m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(5)
print(m)
m.appendleft(1)
print(m)
m.extend([10, 11])
print(m)
m.extendleft([20])
print(m)
print(deque(maxlen=0), deque([1, 2], 0))
print(deque().maxlen)

a = deque([1, 2])
b = a.copy()
b.append(3)
print(a, b, a == deque([1, 2]), a == [1, 2], a != b, a < b, b > a, a <= a)
print(a + b, a * 2, list(iter(b)))
a += [9]
print(a)
print(deque('abc'), [x for x in deque('xy')])
print(deque([deque([1])]))

# Many threads appending and popping at once: the counts stay right.
shared = deque()
def work():
    for i in range(500):
        shared.append(i)
    for i in range(250):
        shared.popleft()
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared))

# Long runs of popleft (the list is compacted behind the scenes) mixed with the other operations.
q = deque(range(200))
for i in range(150):
    q.popleft()
q.appendleft('L')
q.append('R')
print(len(q), q[0], q[1], q[-1], q[-2], q.index(199), 160 in q, q.count('L'))
q.rotate(1)
print(q[0], q[1], len(q))
del q[1]
q.insert(0, 'first')
print(list(q)[:4], q.pop(), q.popleft(), len(q))
bfs = deque([1])
seen = [1]
while bfs:
    n = bfs.popleft()
    for m in (n * 2, n * 3):
        if m < 5000 and m not in seen:
            seen.append(m)
            bfs.append(m)
print(len(seen), max(seen))

# A deque inside itself prints as [...], as in CPython.
selfref = deque([1])
selfref.append(selfref)
print(selfref, len(selfref))
