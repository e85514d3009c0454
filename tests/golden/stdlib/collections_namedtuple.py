# namedtuple: fields, defaults, _make/_asdict/_replace, the tuple protocol, and bad names.
from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], p[:1], len(p))
x, y = p
print(x, y, list(p), tuple(p), 2 in p)
print(p == Point(1, 2), p == (1, 2), p != Point(2, 1), p < Point(1, 3), Point(0, 9) < p)
print(hash(p) == hash(Point(1, 2)), {p: 'v'}[Point(1, 2)])
print(Point._fields, Point.__name__, Point._make([5, 6]), p._asdict())
print(p._replace(y=7), p, Point(y=4, x=3))
print(p + (3,), p.count(1), p.index(2))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))

P3 = namedtuple('P3', 'a, b c', defaults=[0, 9])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
R = namedtuple('R', ['ok', 'def', '_x', 'ok'], rename=True)
print(R._fields)
Empty = namedtuple('Empty', '')
print(Empty(), len(Empty()))

def attempt(label, f):
    try:
        print(label, 'ok', f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('keyword', lambda: namedtuple('T', 'a class'))
attempt('identifier', lambda: namedtuple('T', ['a', '1b']))
attempt('typename', lambda: namedtuple('9T', 'a'))
attempt('underscore', lambda: namedtuple('T', ['_a']))
attempt('duplicate', lambda: namedtuple('T', 'a b a'))
attempt('not str', lambda: namedtuple('T', ['a', 3]))
attempt('defaults', lambda: namedtuple('T', 'a', defaults=[1, 2]))
attempt('missing', lambda: Point(1))
attempt('missing2', lambda: Point())
attempt('too many', lambda: Point(1, 2, 3))
attempt('unexpected', lambda: Point(1, 2, z=3))
attempt('multiple', lambda: Point(1, x=2))
attempt('make', lambda: Point._make([1]))
attempt('replace', lambda: p._replace(z=1))
attempt('index', lambda: p[2])
