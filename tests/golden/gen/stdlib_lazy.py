# Stdlib pieces that are lazy in CPython: heapq.merge and Counter.elements.
import heapq
from collections import Counter

def noisy(name, items):
    for x in items:
        print("  pull", name, x)
        yield x

m = heapq.merge(noisy("a", [1, 4]), noisy("b", [2, 3]))
print("merge created")
print(next(m))
print(next(m))
print(list(m))
print(list(heapq.merge([5, 3, 1], [4, 2], reverse=True)))
print(list(heapq.merge(["bb", "a"], ["ccc"], key=len, reverse=True)))
print(list(heapq.merge()), list(heapq.merge([], [1])))

# An infinite input is fine as long as only a prefix is taken.
def naturals():
    n = 0
    while True:
        yield n
        n += 2
m = heapq.merge(naturals(), [1, 3, 5])
print([next(m) for _ in range(8)])

c = Counter("abracadabra")
e = c.elements()
print(iter(e) is e)
print(sorted(e))
print(list(Counter({"x": 2, "y": 0, "z": -1}).elements()))
