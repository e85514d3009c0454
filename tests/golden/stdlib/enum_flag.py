# Flag and IntFlag: combining with | & ^ ~, CPython 3.11 reprs, iteration and membership.
from enum import Flag, IntFlag, auto

class Perm(Flag):
    R = 4
    W = 2
    X = 1

rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.value, rw.name)
print(repr(~Perm.R), repr(Perm(0)), str(Perm(0)), bool(Perm(0)), bool(Perm.X))
print(repr(rw & Perm.W), repr(rw ^ Perm.R), repr(~(Perm.R | Perm.W | Perm.X)))
print(list(rw), Perm.R in rw, Perm.X in rw, len(rw), list(Perm))
print(Perm(6) is rw, Perm(7), repr(Perm(5)))

class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE

print([c.value for c in Color], repr(Color.WHITE), repr(Color.RED | Color.BLUE), list(Color))
print(repr(Color), repr(Color.WHITE & ~Color.GREEN))

class IPerm(IntFlag):
    R = 4
    W = 2
    X = 1

both = IPerm.R | IPerm.W
print(repr(both), str(both), both == 6, both + 1, repr(IPerm.R | 8), repr(~IPerm.R))
print(repr(IPerm(0)), str(IPerm(0)), f'{IPerm.W}', repr(IPerm), repr(1 | IPerm.X), int(both))
try:
    Perm('x')
except ValueError as e:
    print('ValueError', e)
