# from m import *: __all__ when present, otherwise the public names.
from _inputs.starall import *
print(a, b)
try:
    c
except NameError as e:
    print("NameError:", e)
from _inputs.starnoall import *
print(public, func())
for name in ("_hidden", "_sys"):
    print(name, name in globals())


def in_function():
    import _inputs.dynamic_all as d
    return d.__all__


print(in_function())
