# gilvm demo: a small tour of the language subset gilvm runs today.
# Run it with `build/gilvm examples/demo.py`; `python3 examples/demo.py` prints the same.

import math


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError("subclasses compute their area")

    def __repr__(self):
        return self.name + "(" + str(round(self.area(), 2)) + ")"

    def __lt__(self, other):
        return self.area() < other.area()


class Circle(Shape):
    def __init__(self, r):
        super().__init__("Circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("Rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


def make_counter():
    count = 0

    def step(by=1):
        nonlocal count
        count += by
        return count

    return step


def primes(limit):
    sieve = [True] * (limit + 1)
    found = []
    for n in range(2, limit + 1):
        if sieve[n]:
            found.append(n)
            for k in range(n * n, limit + 1, n):
                sieve[k] = False
    return found


shapes = [Circle(1.5), Rect(2, 3), Circle(0.5), Rect(1, 1)]
print("shapes by area:", sorted(shapes))
print("largest:", max(shapes, key=lambda s: s.area()))

tick = make_counter()
tick()
tick(10)
print("counter:", tick())

ps = primes(50)
print("primes:", ps)
print("sum, len:", sum(ps), len(ps))

words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print("most common:", sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])

try:
    Shape("abstract").area()
except NotImplementedError as e:
    print("caught:", type(e).__name__, "-", e)

print("0.1 + 0.2 =", 0.1 + 0.2, "| 2**62 =", 2 ** 62, "| -7 // 2 =", -7 // 2)
