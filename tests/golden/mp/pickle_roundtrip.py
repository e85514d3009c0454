# pickle: round trips of the built-in types, instances, exceptions, globals, shared and recursive
# references, and dump/load through a file.
import pickle
import os


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


class Stateful:
    def __init__(self, v):
        self.v = v
        self.cache = "derived"

    def __getstate__(self):
        return {"v": self.v}

    def __setstate__(self, state):
        self.v = state["v"]
        self.cache = "rebuilt"


class Reduced:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))


class MyError(Exception):
    pass


def square(x):
    return x * x


def rt(obj):
    return pickle.loads(pickle.dumps(obj))


values = [None, True, False, 0, -1, 2**62, -9223372036854775807 - 1, 3.5, -0.0, 1e300, float("inf"), "",
          "héllo ✓", b"", b"\x00\xff", bytearray(b"ab"), (), (1,), (1, "a", None),
          [1, [2, [3]]], {"a": 1, 2: [3], (4, 5): "t"}]
for v in values:
    back = rt(v)
    print(repr(back), type(back).__name__, back == v)

print(type(pickle.dumps(1)).__name__)
p = rt(Point(1, "two"))
print(p, type(p).__name__, p.__dict__)
s = rt(Stateful(7))
print(s.v, s.cache)
r = rt(Reduced(1, [2]))
print(type(r).__name__, r.a, r.b)

for e in [ValueError("bad", 3), KeyError("k"), MyError("mine"), StopIteration(5), OSError(2, "No such file")]:
    b = rt(e)
    print(type(b).__name__, b.args, str(b))

print(rt(square) is square, rt(Point) is Point, rt(len) is len, rt(int) is int, rt(ValueError) is ValueError)
print(rt(square)(9))

shared = [1, 2]
pair = rt([shared, shared, (shared,)])
print(pair, pair[0] is pair[1], pair[2][0] is pair[0])

loop = [1]
loop.append(loop)
back = rt(loop)
print(back[0], back[1] is back)

d = {"name": "d"}
d["self"] = d
back = rt(d)
print(back["name"], back["self"] is back)

a = Point(0, 0)
a.x = a
back = rt(a)
print(back.x is back)

nested = {"points": [Point(i, i * i) for i in range(3)], "t": (1.5, b"z")}
print(rt(nested))

path = "_pickle_roundtrip.tmp"
with open(path, "wb") as f:
    pickle.dump({"first": 1}, f)
    pickle.dump([2, 3], f)
with open(path, "rb") as f:
    print(pickle.load(f), pickle.load(f))
os.remove(path)
print(pickle.HIGHEST_PROTOCOL >= 4, pickle.loads(pickle.dumps("p", protocol=2)))


class Outer:
    class Inner:
        pass


class Singleton:
    def __reduce__(self):
        return "THE_ONE"


THE_ONE = Singleton()
print(type(rt(Outer.Inner())).__qualname__, rt(THE_ONE) is THE_ONE)
print(rt(range(1, 10, 2)), rt(slice(1, 2)), rt(print) is print)
