# frozen=True, order=True, unsafe_hash, eq/hash interplay.
from dataclasses import dataclass, field, FrozenInstanceError, replace


@dataclass(frozen=True)
class FP:
    x: int
    y: int = 0


p = FP(1, 2)
print(p, hash(p) == hash((1, 2)))
for action in ('set', 'del', 'new'):
    try:
        if action == 'set':
            p.x = 5
        elif action == 'del':
            del p.y
        else:
            p.z = 1
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
print(p)
print(replace(p, x=9), {p: 'v'}[FP(1, 2)])
print(issubclass(FrozenInstanceError, AttributeError))


@dataclass(frozen=True)
class FPost:
    a: int

    def __post_init__(self):
        object.__setattr__(self, 'b', self.a * 2)


print(FPost(3).b)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)


vs = [Version(1, 2), Version(0, 9), Version(1, 0, 'x'), Version(1, 2, 'y')]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) <= Version(2), Version(3) > Version(2, 9),
      Version(1) >= Version(1, 1))
print(Version(1, 2, 'a') == Version(1, 2, 'b'))
for op in ('<', '<=', '>', '>='):
    try:
        if op == '<':
            Version(1) < 1
        elif op == '<=':
            Version(1) <= (1, 0)
        elif op == '>':
            Version(1) > 'x'
        else:
            Version(1) >= None
    except TypeError as e:
        print('TypeError:', e)
print(max(vs), min(vs))


@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: list = field(default_factory=list, hash=False)


u = UH(1)
print(hash(u) == hash((1,)))
u.a = 2
print(hash(u) == hash((2,)))


@dataclass(eq=False)
class NoEq:
    a: int


print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)


@dataclass
class ExplicitHash:
    a: int

    def __hash__(self):
        return 42


print(hash(ExplicitHash(1)))


@dataclass(frozen=True, eq=False)
class FrozenNoEq:
    a: int


print(FrozenNoEq.__hash__ is object.__hash__)


@dataclass(frozen=True)
class FBase:
    a: int


@dataclass(frozen=True)
class FChild(FBase):
    b: int = 2


fc = FChild(1)
print(fc)
try:
    fc.b = 3
except FrozenInstanceError as e:
    print(e)


class PlainSub(FP):
    pass


ps = PlainSub(1)
try:
    ps.x = 2
except FrozenInstanceError as e:
    print(e)
ps.other = 3
print(ps.other)
