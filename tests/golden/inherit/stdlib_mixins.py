# Multiple inheritance and built-in subclasses as the standard library uses them: enum mixins,
# abc, dataclasses, attribute-dict classes.
import enum, dataclasses, abc, functools
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(Color.RED, list(Color), isinstance(Color.RED, Color))
@dataclasses.dataclass
class P:
    x: int
    y: int = 0
print(P(1), P(1) == P(1, 0))
class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
class Impl(Base):
    def f(self): return 1
print(Impl().f(), isinstance(Impl(), Base))
try:
    Base()
except TypeError as e:
    print(e)
class IntEnumish(int, enum.Enum):
    A = 1
print(IntEnumish.A)
class W:
    @functools.cached_property
    def v(self): return 5
print(W().v)
class Node(dict):
    def __getattr__(self, k):
        try: return self[k]
        except KeyError: raise AttributeError(k)
    __setattr__ = dict.__setitem__
n = Node(a=1); n.b = 2
print(n.a, n.b, n)
