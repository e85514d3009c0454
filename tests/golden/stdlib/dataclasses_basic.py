# Basic @dataclass: __init__, __repr__, __eq__, fields(), asdict/astuple, replace, is_dataclass.
from dataclasses import dataclass, fields, asdict, astuple, replace, is_dataclass, field


@dataclass
class Point:
    x: int
    y: int


p = Point(1, 2)
print(p)
print(repr(Point(x=3, y=-4)))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2))
print(p == (1, 2))
print(p.x, p.y)
p.x = 10
print(p)
print([f.name for f in fields(Point)], [f.name for f in fields(p)])
print([f.type for f in fields(Point)])
print(asdict(p), astuple(p))
print(replace(p, y=7), p)
print(is_dataclass(Point), is_dataclass(p), is_dataclass(3), is_dataclass(int))
print(Point.__match_args__)
print(Point.__annotations__)
try:
    hash(p)
except TypeError as e:
    print('TypeError:', e)


class Outer:
    @dataclass()
    class Inner:
        name: str
        tags: list


i = Outer.Inner('a', ['x', 'y'])
print(i)
print(asdict(i))


@dataclass
class Line:
    start: Point
    end: Point
    label: str = 'line'


ln = Line(Point(0, 0), Point(3, 4))
print(ln)
d = asdict(ln)
print(d)
d['start']['x'] = 99
print(ln.start.x)
print(astuple(ln))


@dataclass
class Nested:
    items: list
    mapping: dict
    pair: tuple


n = Nested([Point(1, 1), 2], {'k': Point(2, 2)}, (Point(3, 3), 'z'))
print(asdict(n))
print(astuple(n))


@dataclass(repr=False, eq=False)
class Plain:
    a: int


q = Plain(1)
print(q == Plain(1), repr(q).startswith('<'), hash(q) == hash(q))


@dataclass
class WithMethods:
    a: int
    b: int = 2

    def total(self):
        return self.a + self.b

    def __repr__(self):
        return 'custom'


w = WithMethods(1)
print(w.total(), repr(w), w == WithMethods(1, 2))


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty(), fields(Empty))


@dataclass
class PostInit:
    a: int
    b: int = 0

    def __post_init__(self):
        self.c = self.a * 10 + self.b


pi = PostInit(4, 2)
print(pi, pi.c)
print(sorted(vars(pi).items()))
