# Enum: members, lookups, iteration in definition order, aliases, auto, unique, methods.
from enum import Enum, IntEnum, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1   # an alias of RED

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(list(Color), len(Color))
print(Color(2), Color['BLUE'], Color.CRIMSON, Color.CRIMSON is Color.RED)
print(Color.RED == Color.RED, Color.RED == Color.GREEN, Color.RED == 1, Color.RED is Color(1))
print(Color.RED in Color, isinstance(Color.GREEN, Color), type(Color.RED), repr(Color))
print(list(Color.__members__), [m.name for m in reversed(Color)])
print(f'{Color.RED}', '{}'.format(Color.BLUE), format(Color.GREEN, '>12'), str(Color.BLUE))
print({Color.RED: 'r'}[Color.CRIMSON], sorted([c.value for c in Color]))
print(Color.RED.__class__.__name__)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    def density_hint(self):
        return self.mass / self.radius

    @property
    def label(self):
        return self.name.title()

print(Planet.EARTH.mass, Planet.MERCURY.radius, Planet.EARTH.label, Planet.EARTH.value)
print(round(Planet.EARTH.density_hint() / 1e17, 3))

class Step(Enum):
    FIRST = auto()
    SECOND = auto()
    TENTH = 10
    ELEVENTH = auto()

print(list(Step), [s.value for s in Step])

class Number(IntEnum):
    ONE = 1
    TWO = 2

print(Number.ONE, repr(Number.TWO), Number.ONE + 1, Number.TWO * 3, Number.ONE == 1)
print(Number.ONE < Number.TWO, Number.TWO > 1, sorted([Number.TWO, Number.ONE]), int(Number.TWO))
print(f'{Number.TWO}', format(Number.ONE, '03d'), Number(2), Number['ONE'], repr(Number))
print(['a', 'b', 'c'][Number.TWO], 2 - Number.ONE)

@unique
class Fine(Enum):
    A = 1
    B = 2
print(list(Fine))

class Ordered(Enum):
    B = 'b'
    A = 'a'
    def describe(self):
        return 'member %s' % self.name
    @classmethod
    def first(cls):
        return list(cls)[0]
print(list(Ordered), Ordered.first(), Ordered.A.describe(), Ordered('a'))
print(Planet((5.976e+24, 6.37814e6)) is Planet.EARTH, Planet.EARTH.mass)
