# type(name, bases, dict) and its errors.
def init(self, x):
    self.x = x

Point = type("Point", (), {"__init__": init, "kind": "point"})
p = Point(3)
print(Point.__name__, Point.__qualname__, Point.__module__, p.x, p.kind)
print(Point, type(p) is Point)

Sub = type("Sub", (Point,), {"extra": lambda self: self.x * 2})
print(Sub(4).extra(), [c.__name__ for c in Sub.__mro__])
print(type("E", (ValueError,), {})("bad"))

Multi = type("Multi", (Sub, dict), {})
print([c.__name__ for c in Multi.__mro__])

for args in [("A", 1, {}), ("A", (), 1), (1, (), {}), ("A", ())]:
    try:
        type(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    type("A", (), {}, x=1)
except TypeError as e:
    print("TypeError:", e)
print(type(3), type("s"), type(type))

class Meta(type):
    pass

M = Meta("M", (), {"v": 1})
print(type(M).__name__, M.v, isinstance(M, Meta))
print(Point.__doc__, type("D", (), {"__doc__": "doc"}).__doc__)
