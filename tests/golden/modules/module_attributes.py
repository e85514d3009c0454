# Module attribute errors: the circular-import wording while a module initialises, and a
# module's own __getattr__ (PEP 562).
import _inputs.circ_attr_a
import _inputs.lazy as lazy
print(lazy.computed, hasattr(lazy, "other"), getattr(lazy, "other", "default"))
from _inputs.lazy import computed
print(computed)
try:
    lazy.other
except AttributeError as e:
    print("AttributeError:", e)
import _inputs.simple as simple
try:
    simple.nothing
except AttributeError as e:
    print("AttributeError:", e)
simple.added = 1
del simple.added
print(hasattr(simple, "added"))
print(dir(lazy))
