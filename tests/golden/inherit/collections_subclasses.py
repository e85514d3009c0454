# collections' dict and tuple types are real dict / tuple subclasses.
from collections import defaultdict, OrderedDict, Counter, namedtuple

dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, isinstance(dd, dict), type(dd).__name__, len(dd))
print(dd == {"a": [1], "b": []}, dict(dd), sorted(dd))
print(dd.get("zz"), "zz" in dd, dd.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts)
try:
    defaultdict(None)["x"]
except KeyError as e:
    print("KeyError:", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)
print(defaultdict(int, {"x": 1}, y=2))
print(dd.copy(), type(dd.copy()).__name__)

od = OrderedDict()
od["x"] = 1
od["y"] = 2
od["z"] = 3
print(od, isinstance(od, dict))
od.move_to_end("x")
print(list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
print(OrderedDict())
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)

c = Counter("abracadabra")
print(c, isinstance(c, dict), c["a"], c["zzz"], len(c))
print(c.most_common(2), c.total())
c.update("aaz")
c.subtract({"b": 1})
print(c)
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3) - Counter(a=1, b=1))
print(Counter(a=1) == Counter(a=1, b=0), Counter(), sorted(Counter("hello").elements()))
del c["nope"]
print(dict(Counter(x=2)), Counter(["x", "y", "x"]))

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, isinstance(p, tuple), p.x, p[1], len(p), p == (1, 2), tuple(p), hash(p) == hash((1, 2)))
x, y = p
print(x, y, p._asdict(), p._replace(x=5), Point._make([7, 8]), Point._fields)
print(Point.__name__, Point.__mro__[1].__name__, p + (3,), sorted([Point(2, 1), Point(1, 5)]))
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0])
print(P3(1, 2), P3._field_defaults)

class Vec(namedtuple("Vec", "x y")):
    def norm1(self):
        return abs(self.x) + abs(self.y)

v = Vec(3, -4)
print(v, v.norm1(), isinstance(v, tuple), [c.__name__ for c in Vec.__mro__])

import copy
q = copy.copy(p)
r = copy.deepcopy(Vec(1, [2]))
print(q, q == p, type(q).__name__, r, type(r).__name__)
print(copy.copy(dd), copy.deepcopy(Counter("aab")), copy.copy(od))
