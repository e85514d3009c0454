# Sequence patterns: fixed and starred, nested, on lists, tuples, ranges; not on str or bytes.
def shape(x):
    match x:
        case []:
            return "empty"
        case [only]:
            return f"one: {only!r}"
        case [a, b]:
            return f"two: {a!r} {b!r}"
        case [first, *middle, last]:
            return f"first {first!r} middle {middle!r} last {last!r}"
        case _:
            return "not a sequence"


for v in [[], [1], (1, 2), [1, 2, 3], (1, 2, 3, 4), range(5), "ab", b"ab", {1: 2}, 7, [[1, 2], [3]]]:
    print(repr(v), "->", shape(v))


def points(p):
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"on the y axis at {y}"
        case (x, 0):
            return f"on the x axis at {x}"
        case [(x1, y1), (x2, y2)]:
            return f"segment {x1},{y1} - {x2},{y2}"
        case (x, y, *_):
            return f"point {x},{y} (more ignored)"


for p in [(0, 0), (0, 5), [3, 0], [(1, 2), (3, 4)], (1, 2, 3)]:
    print(p, "->", points(p))

match [1, 2, 3, 4, 5]:
    case [1, *rest]:
        print("rest", rest, type(rest).__name__)
match (1, 2):
    case (*init, 2):
        print("init", init)
match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        print(a + b + c + d)
match [1, 2]:
    case [_, _, _]:
        print("three")
    case [_, _]:
        print("two wildcards")
match 1, 2:
    case x, y:
        print("open sequence", x, y)
match [1, "x"]:
    case [int(), str() as s]:
        print("typed", s)
