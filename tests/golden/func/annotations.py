# Annotations are evaluated once and kept: functions' __annotations__, module and class ones.
count: int = 0
names: "list of str"
print(__annotations__)


def f(a: int, b: "str" = "x", *args: float, key: (int, None) = None, **kw: bool) -> list:
    return [a]


def g(x, y):
    return x


print(f.__annotations__)
print(g.__annotations__, g.__annotations__ is g.__annotations__)
g.__annotations__ = {"x": int}
print(g.__annotations__)
try:
    g.__annotations__ = 3
except TypeError as e:
    print("TypeError:", e)
print((lambda x: x).__annotations__)


class Point:
    x: int
    y: int = 0
    label: str = "p"

    def move(self, dx: int) -> "Point":
        return self


print(Point.__annotations__, Point.move.__annotations__)


def evaluated():
    print("evaluated once")
    return int


def h(v: evaluated()) -> evaluated():
    pass


print(h.__annotations__)
print(h.__annotations__)


def local_annotations():
    z: int = 5     # function-local annotations are not kept
    return z


print(local_annotations(), local_annotations.__annotations__)
