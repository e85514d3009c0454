# Generator functions: creation runs nothing, each next() runs to the following yield.
def counter(n):
    print("start")
    i = 0
    while i < n:
        print("before yield", i)
        yield i
        print("after yield", i)
        i += 1
    print("end")

g = counter(2)
print("created")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again", e.args)
print(next(g, "default"))

# A bare yield produces None; yield of a tuple.
def bare():
    yield
    yield 1, 2
    yield (3)
print(list(bare()))

# Generators are their own iterators.
g = counter(0)
print(iter(g) is g, g.__iter__() is g)
print(list(g))

# Type and attributes.
def gen_fn():
    yield 1
g = gen_fn()
print(type(g).__name__, g.__name__, g.__qualname__)
print(g.gi_running, g.gi_code is gen_fn.__code__)
print(g.gi_frame is not None)
print(next(g), g.gi_frame is not None)
print(list(g), g.gi_frame)
print(repr(g).startswith("<generator object gen_fn at 0x"))

class Box:
    def items(self):
        yield "a"
        def inner():
            yield "b"
        yield from inner()
        print(repr(inner()).startswith("<generator object Box.items.<locals>.inner at 0x"))
print(list(Box().items()))
print(Box().items().__qualname__)

# Renaming a generator.
g = gen_fn()
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__)
try:
    g.__name__ = 3
except TypeError as e:
    print("TypeError:", e)

# Arguments, defaults, closures and keyword arguments are bound at the call.
def make(base):
    def gen(a, b=10, *rest, key="k", **kw):
        yield base + a + b
        yield rest
        yield key, sorted(kw.items())
    return gen
print(list(make(100)(1)))
print(list(make(0)(1, 2, 3, 4, key="z", x=1, y=2)))
try:
    make(0)()
except TypeError as e:
    print("TypeError:", e)

# Locals survive between steps, including cells used by inner closures.
def acc():
    total = 0
    def add(x):
        nonlocal total
        total += x
    for i in range(4):
        add(i)
        yield total
print(list(acc()))

# Generator lambdas.
f = lambda: (yield 5)
print(list(f()))
print(isinstance(f(), type(gen_fn())))
