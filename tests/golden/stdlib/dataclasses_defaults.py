# Defaults, default_factory, field() options: init, repr, compare, hash, kw_only.
from dataclasses import dataclass, field, fields, replace, MISSING, KW_ONLY


@dataclass
class Config:
    name: str
    retries: int = 3
    tags: list = field(default_factory=list)
    extra: dict = field(default_factory=dict, repr=False)


a = Config('a')
b = Config('b', 5, ['x'])
print(a, b)
a.tags.append(1)
print(a.tags, Config('c').tags)
print(a.extra, Config.retries)
print(hasattr(Config, 'tags'), 'tags' in Config.__dict__)
print(Config('c', retries=1, tags=[2]))

counter = [0]


def next_id():
    counter[0] += 1
    return counter[0]


@dataclass
class Item:
    id: int = field(default_factory=next_id)
    note: str = field(default='', compare=False)
    secret: str = field(default='s', repr=False)
    computed: int = field(init=False, default=0)
    later: int = field(init=False, repr=False, compare=False)


x, y = Item(), Item()
print(x, y)
print(Item(5, 'a') == Item(5, 'b'), Item(5) == Item(6))
print(hasattr(x, 'later'))
x.later = 1
print(x.later, x.computed)
print([(f.name, f.init, f.repr, f.compare) for f in fields(Item)])
print(fields(Item)[1].default, fields(Item)[0].default is MISSING,
      fields(Item)[0].default_factory is next_id)


@dataclass
class KW:
    a: int
    b: int = field(kw_only=True)
    c: int = 0


print(KW(1, 2, b=3))
print(KW(1, b=2))


@dataclass(kw_only=True)
class AllKW:
    a: int
    b: int = 1


print(AllKW(a=5), AllKW(b=2, a=1))


@dataclass
class Sentinel:
    a: int
    _: KW_ONLY
    b: int
    c: int = 9


print(Sentinel(1, b=2), [f.name for f in fields(Sentinel)])
print(Sentinel.__match_args__)


@dataclass
class Hashed:
    a: int
    b: int = field(hash=False)


print(Hashed.__hash__)


@dataclass(frozen=True)
class FHash:
    a: int
    b: int = field(compare=False)
    c: int = field(hash=True, compare=False, default=3)


print(hash(FHash(1, 2)) == hash((1, 3)), hash(FHash(1, 5)) == hash(FHash(1, 7)))
print(replace(FHash(1, 2), c=4))


@dataclass
class Tup:
    t: tuple = (1, 2)
    f: object = None
    s: str = 'abc'


print(Tup(), Tup.t)
