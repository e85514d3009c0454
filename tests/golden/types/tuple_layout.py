# Tuples keep their items in the same block as the object: every size, subclasses with
# attributes, tuples built from every kind of source, and comparisons settled by their items.
import collections
import heapq
import json

for n in (0, 1, 2, 7, 31, 32, 33, 100, 1000):
    t = tuple(range(n))
    assert len(t) == n and list(t) == list(range(n))
    print(n, t[:3], t[-2:], hash(t) == hash(tuple(list(t))), t == tuple(range(n)))

big = tuple(str(i) * 3 for i in range(200))
print(len(big), big[199], big[::50], "7" * 3 in big, "x" in big)


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def total(self):
        return self[0] + self[1]


pairs = [Pair(i, i * i) for i in range(50)]
for p in pairs:
    p.label = "p%d" % p[0]
print(pairs[7], pairs[7].total(), pairs[7].label, type(pairs[7]).__name__, len(pairs[7]))
print(pairs[3] == (3, 9), pairs[3] < (3, 10), (3, 9) in pairs, sorted(pairs)[-1].label)

Point = collections.namedtuple("Point", "x y z")
pts = [Point(i, -i, i % 3) for i in range(20)]
print(pts[5], pts[5].y, pts[5]._replace(z=9), max(pts, key=lambda q: (q.z, q.x)))

a, b, *rest = (1, 2, 3, 4, 5)
print(a, b, rest, (1, 2) + (3,), (1, 2) * 3, (0,) * 0, tuple([4, 5]), tuple("abc"))

# Comparisons: ints settle it first, then everything else goes through the items' own __eq__/__lt__.
nan = float("nan")
cases = [((1, 2), (1, 3)), ((1, 2), (1, 2)), ((2,), (1, 9)), ((1, 2), (1, 2, 0)),
         ((1, "b"), (1, "a")), ((True, 1), (1, 1)), ((1, 2.0), (1, 2)), ((nan,), (nan,)),
         ((2 ** 70, 1), (2 ** 70, 0)), ((), ())]
for x, y in cases:
    print(x, y, x == y, x != y, x < y, x <= y, x > y, x >= y)
t = (nan, 1)
print(t == t, t[0] == t[0], [nan] == [nan], (nan,) in [(nan,)])
try:
    print((1, "a") < (1, 2))
except TypeError as e:
    print("TypeError", e)


class Noisy:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq", self.v, getattr(other, "v", other))
        return isinstance(other, Noisy) and self.v == other.v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v


print((1, Noisy(2)) < (1, Noisy(3)), (0, Noisy(1)) < (1, Noisy(0)), (Noisy(4),) == (Noisy(4),))

heap = []
for i, w in enumerate([5, 3, 8, 3, 1, 9, 2, 2]):
    heapq.heappush(heap, (w, i, "v%d" % i))
print([heapq.heappop(heap) for _ in range(len(heap))])

print(json.dumps({"t": (1, (2, 3), []), "l": [(4,), ()]}))
seen = []


def default(o):
    seen.append(o)
    return ["extra"]


grow = [1, {2}, 3]
print(json.dumps(grow, default=default), len(seen))
