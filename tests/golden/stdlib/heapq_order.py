# heapq's list functions compare in CPython's order (the log of __lt__ calls matches), build the
# same heap shapes (including heapify's row-by-row order for big lists), and stop with
# RuntimeError when a comparison changes the heap's size.
import heapq
from _heapq import heappush as native_push

print(heapq.heappush is native_push)

log = []


class Key:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v

    def __repr__(self):
        return "K%d" % self.v


h = []
for v in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, Key(v))
print(h)
print(log)
log.clear()
print(heapq.heappop(h), h, log)
log.clear()
print(heapq.heapreplace(h, Key(4)), h, log)
log.clear()
print(heapq.heappushpop(h, Key(0)), heapq.heappushpop(h, Key(6)), h, log)
log.clear()
items = [Key(v) for v in [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]]
heapq.heapify(items)
print(items, len(log))

# Big enough for the cache-friendly heapify; the shape and the comparisons count must match.
seed = 17
big = []
for i in range(6000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    big.append(seed % 100000)
heapq.heapify(big)
print(big[:20], sum(i * v for i, v in enumerate(big)) % 1000003)
log.clear()
keys = [Key(v) for v in big[::-1][:3000]]
heapq.heapify(keys)
print(len(log), [k.v for k in keys[:10]])
print([heapq.heappop(big) for _ in range(10)])


# A comparison that empties or grows the heap.
class Shrinker:
    def __init__(self, heap):
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return True


h = [1, 2, 3]
try:
    heapq.heappush(h, Shrinker(h))
except RuntimeError as e:
    print("RuntimeError:", e)
h = [Shrinker(None), Shrinker(None)]
h[0].heap = h
h[1].heap = h
try:
    heapq.heappushpop(h, Shrinker(h))
except Exception as e:
    print(type(e).__name__ + ":", e)


class Bad:
    def __lt__(self, other):
        raise ValueError("no order")


try:
    heapq.heappush([Bad()], Bad())
except ValueError as e:
    print("ValueError:", e)


class Heap(list):
    pass


sub = Heap([3, 1, 2])
heapq.heapify(sub)
print(type(sub).__name__, sub, heapq.heappop(sub))

for call in [lambda: heapq.heappush([]), lambda: heapq.heappush((), 1), lambda: heapq.heappop([], 1),
             lambda: heapq.heappop(None), lambda: heapq.heapify(heap=[]), lambda: heapq.heapreplace([], 1),
             lambda: heapq.heappop([]), lambda: heapq.heappushpop("x", 1)]:
    try:
        call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
print(heapq.heappushpop([], 5), heapq.nsmallest(3, [5, 1, 4, 2]), heapq.nlargest(2, [5, 1, 4, 2]))
