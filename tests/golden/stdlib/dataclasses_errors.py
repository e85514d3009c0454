# Errors: bad __init__ calls, bad class definitions, bad helper calls.
from dataclasses import dataclass, field, fields, asdict, astuple, replace


@dataclass
class P:
    x: int
    y: int


@dataclass
class D:
    a: int
    b: int = 1
    c: int = field(kw_only=True, default=0)
    d: int = field(kw_only=True)


@dataclass
class One:
    pass


calls = [
    (P, (), {}),
    (P, (1,), {}),
    (P, (1, 2, 3), {}),
    (P, (1, 2, 3, 4), {}),
    (P, (1, 2), {'z': 3}),
    (P, (1,), {'x': 2}),
    (P, (1, 2), {'x': 3}),
    (D, (), {}),
    (D, (1,), {}),
    (D, (1, 2, 3), {}),
    (D, (1, 2, 3), {'d': 4}),
    (D, (1, 2, 3), {'c': 4, 'd': 5}),
    (D, (1,), {'e': 2}),
    (One, (1,), {}),
    (One, (1, 2), {}),
    (One, (), {'a': 1}),
]
for cls, args, kwargs in calls:
    try:
        cls(*args, **kwargs)
        print('ok')
    except TypeError as e:
        print('TypeError:', e)


def define(kind):
    if kind == 'order':
        @dataclass
        class Bad:
            a: int = 0
            b: int
    elif kind == 'mutable list':
        @dataclass
        class Bad:
            x: list = []
    elif kind == 'mutable dict':
        @dataclass
        class Bad:
            x: dict = {}
    elif kind == 'both':
        field(default=1, default_factory=list)
    elif kind == 'no annotation':
        @dataclass
        class Bad:
            x: int
            y = field(default=1)
    elif kind == 'order without eq':
        @dataclass(order=True, eq=False)
        class Bad:
            x: int
    elif kind == 'overwrite lt':
        @dataclass(order=True)
        class Bad:
            x: int

            def __lt__(self, other):
                return True
    elif kind == 'unsafe hash':
        @dataclass(unsafe_hash=True)
        class Bad:
            x: int

            def __hash__(self):
                return 1
    elif kind == 'frozen from plain':
        @dataclass
        class B:
            x: int

        @dataclass(frozen=True)
        class Bad(B):
            y: int
    elif kind == 'plain from frozen':
        @dataclass(frozen=True)
        class B:
            x: int

        @dataclass
        class Bad(B):
            y: int
    elif kind == 'frozen setattr':
        @dataclass(frozen=True)
        class Bad:
            x: int

            def __setattr__(self, name, value):
                pass
    elif kind == 'inherited order':
        @dataclass
        class B:
            x: int = 0

        @dataclass
        class Bad(B):
            y: int
    print(kind, 'defined')


for kind in ['order', 'mutable list', 'mutable dict', 'both', 'no annotation',
             'order without eq', 'overwrite lt', 'unsafe hash', 'frozen from plain',
             'plain from frozen', 'frozen setattr', 'inherited order']:
    try:
        define(kind)
    except (TypeError, ValueError) as e:
        print(kind, '->', type(e).__name__ + ':', e)


class NotDC:
    pass


for fn in (fields, asdict, astuple, replace):
    for arg in (NotDC, NotDC(), P):
        try:
            fn(arg)
            print(fn.__name__, 'ok')
        except TypeError as e:
            print(fn.__name__, 'TypeError:', e)


@dataclass
class Q:
    a: int
    b: int = field(init=False, default=5)


try:
    replace(Q(1), b=2)
except ValueError as e:
    print('ValueError:', e)
try:
    replace(Q(1), c=2)
except TypeError as e:
    print('TypeError:', e)
print(replace(Q(1), a=3))


@dataclass
class Bad:
    x: int

    def __post_init__(self):
        raise ValueError('x must be positive')


try:
    Bad(-1)
except ValueError as e:
    print('ValueError:', e)
