# Class patterns: __match_args__, keyword attributes, built-in types matching themselves.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


class Shape3D(Point):
    pass


def where(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"y axis {y}"
        case Point(x, y=0):
            return f"x axis {x}"
        case Circle(Point(x, y), r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=Point(), radius=r):
            return f"circle r={r}"
        case Point():
            return "some point"
        case int(n) | float(n):
            return f"number {n}"
        case str(s):
            return f"string {s}"
        case [Point(x=px), *_]:
            return f"list starting with a point at x={px}"
        case _:
            return "unknown"


for o in [Point(0, 0), Point(0, 3), Point(4, 0), Point(1, 1), Circle(Point(1, 2), 20), Circle(Point(1, 2), 2),
          Shape3D(0, 0), 5, 2.5, True, "s", [Point(7, 8)], None]:
    print(where(o))


class NoArgs:
    pass


match NoArgs():
    case NoArgs():
        print("matched with no arguments")


def error(thunk):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)


class BadArgs:
    __match_args__ = ["x"]


class NonStr:
    __match_args__ = (1,)


def too_many():
    match Point(1, 2):
        case Point(1, 2, 3):
            pass


def bad_args():
    match BadArgs():
        case BadArgs(1):
            pass


def not_a_type():
    match 1:
        case len():
            pass


def repeated():
    match Point(1, 2):
        case Point(1, x=1):
            pass


def non_str():
    match NonStr():
        case NonStr(1):
            pass


def no_match_args():
    match NoArgs():
        case NoArgs(1):
            pass


for t in (too_many, bad_args, not_a_type, repeated, non_str, no_match_args):
    error(t)


class Lazy:
    @property
    def value(self):
        print("  (property read)")
        return 42


match Lazy():
    case Lazy(value=42):
        print("property matched")
match Point(1, 2):
    case Point(z=_):
        print("no z")
    case _:
        print("missing attribute means no match")
