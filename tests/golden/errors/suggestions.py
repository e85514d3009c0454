# "Did you mean" in the interpreter's own report of an exception (sys.excepthook, an uncaught
# exception), CPython 3.11's rules: nearest name by edit distance, a case change costing half.
import math
import sys


def report(f):
    try:
        f()
    except Exception:
        sys.excepthook(*sys.exc_info())


class Point:
    def __init__(self):
        self.x_coord = 1

    def norm(self):
        return 0


p = Point()
report(lambda: prnt(1))                  # a builtin
report(lambda: math.sqr(4))              # a module attribute
report(lambda: math.Pi)                  # a case change
report(lambda: p.x_cord)                 # an instance attribute
report(lambda: p.nrom())                 # a swap costs two edits: too far for four letters
report(lambda: Point.nrm)                # a class attribute
report(lambda: [].apend(1))
report(lambda: {}.item())
report(lambda: (1).real1)
report(lambda: zzzzzzzz)                 # nothing close
report(lambda: p.zzzzzzzzz)
report(lambda: a)                        # too short to be close to anything


def local_names():
    counter = 1
    return countr                        # a local of the failing function


report(local_names)
some_global_value = 3
report(lambda: some_global_valu)         # a global
report(lambda: SOME_GLOBAL_VALUE)        # every letter's case: too far


class Dynamic:
    def __getattr__(self, name):
        raise AttributeError(name)       # raised by the class itself: no suggestion


report(lambda: Dynamic().colour)

# The traceback module's text has no suggestions in 3.11.
import traceback
try:
    lenn([])
except NameError:
    print(traceback.format_exc().splitlines()[-1])

# Chained exceptions each get theirs.
try:
    try:
        math.flor(1.5)
    except AttributeError:
        raise ValueError(undefined_nme)
except Exception:
    sys.excepthook(*sys.exc_info())

undefined_nme = 1
print(undefined_name)
