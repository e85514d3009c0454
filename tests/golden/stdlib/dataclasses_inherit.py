# Inheritance: base fields first, overriding a field keeps its place, plain bases, post_init.
from dataclasses import dataclass, field, fields, asdict


@dataclass
class Base:
    x: int
    y: int = 0


@dataclass
class Child(Base):
    z: int = 5


print(Child(1), Child(1, 2, 3))
print([f.name for f in fields(Child)])
print(Child(1) == Base(1), Base(1) == Base(1, 0))


@dataclass
class Override(Base):
    x: int = 100
    w: str = 'w'


print(Override(), [f.name for f in fields(Override)])


class Mixin:
    def describe(self):
        return 'I am ' + repr(self)


@dataclass
class WithMixin(Mixin):
    v: int


print(WithMixin(3).describe())


class NotDC(Base):
    extra: int = 1


@dataclass
class AfterPlain(NotDC):
    q: int = 2


print(AfterPlain(1), [f.name for f in fields(AfterPlain)])


@dataclass
class PBase:
    a: int

    def __post_init__(self):
        print('PBase post_init', self.a)


@dataclass
class PChild(PBase):
    b: int = 1


PChild(7)


class Sub(Child):
    def __init__(self):
        super().__init__(1, 2, 3)


s = Sub()
print(s, s == Child(1, 2, 3), type(s).__name__)


@dataclass
class Deep(Child):
    items: list = field(default_factory=list)


d = Deep(1, items=[Child(2)])
print(d)
print(asdict(d))
