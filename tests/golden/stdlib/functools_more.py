# More functools: cached_property through a subclass, lru_cache on methods and keyword
# calls, reduce over any iterable, nested partial reprs, wraps on a lambda.
import functools

class Base:
    @functools.cached_property
    def val(self):
        print("computing val")
        return [1]
class Child(Base):
    pass
c = Child()
print(c.val is c.val, Base.val.attrname)

class M:
    @functools.lru_cache(maxsize=None)
    def double(self, x):
        return x * 2
m = M()
print(m.double(2), m.double(2), M.double.cache_info())

@functools.lru_cache(maxsize=1)
def g(a, b=1, *, c=2):
    return a + b + c
print(g(1), g(1, 1), g(1, b=1), g(a=1), g.cache_info())
print(functools.reduce(lambda a, b: a + b, iter([1, 2, 3])))
print(functools.reduce(lambda a, b: a + b, {"x": 1, "y": 2}))
print(repr(functools.partial(functools.partial, max)))
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
class E(Exception):
    pass
def raiser():
    raise E("inner")
w = functools.wraps(raiser)(lambda: raiser())
try:
    w()
except E as e:
    print("E:", e, w.__name__)
