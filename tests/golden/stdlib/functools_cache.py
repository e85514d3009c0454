# lru_cache, cache and cached_property.
import functools

calls = []

@functools.lru_cache(maxsize=2)
def square(x):
    calls.append(x)
    return x * x

print(square(2), square(3), square(2), square(4), square(3))
print(calls, square.cache_info())
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], tuple(info), len(info))
print(info == (1, 4, 2, 2), type(info).__name__)
square.cache_clear()
print(square.cache_info(), square.cache_parameters())
print(square.__name__, square.__wrapped__(5))

@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())

@functools.cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact.cache_info(), fact.__name__)

@functools.lru_cache(maxsize=None)
def ident(*args, **kw):
    calls.append((args, kw))
    return len(calls)
calls.clear()
print(ident(1), ident(1.0), ident(1), ident(a=1, b=2), ident(b=2, a=1), ident(a=1, b=2))
print(ident.cache_info())

@functools.lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed(1), typed.cache_info())
print(typed.cache_parameters())

@functools.lru_cache(maxsize=0)
def nocache(x):
    return x + 1
print(nocache(1), nocache(1), nocache.cache_info())

@functools.lru_cache(maxsize=-5)
def neg(x):
    return x
print(neg(1), neg(1), neg.cache_info())

@functools.lru_cache(maxsize=3)
def lru(x):
    return x
for v in [1, 2, 3, 1, 4, 2, 1, 3]:
    lru(v)
print(lru.cache_info())

try:
    functools.lru_cache("big")
except TypeError as e:
    print("TypeError:", e)
try:
    square([1, 2])
except TypeError as e:
    print("TypeError:", e)

class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0
    def area(self):
        self.computed += 1
        return 3 * self.r * self.r
    area.__doc__ = "The area."  # gilvm does not store docstrings yet
    area = functools.cached_property(area)

c = Circle(2)
print(c.area, c.area, c.computed, c.__dict__["area"])
del c.area
print(c.area, c.computed)
c.area = 99
print(c.area, c.computed)
print(type(Circle.area).__name__, Circle.area.__doc__, Circle.area.attrname)

prop = functools.cached_property(lambda self: 1)
try:
    prop.__get__(Circle(1), Circle)
except TypeError as e:
    print("TypeError:", e)
