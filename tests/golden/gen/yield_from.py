# yield from: delegation to sub-generators and other iterables.
def inner():
    a = yield "i1"
    print("inner got", a)
    b = yield "i2"
    print("inner got", b)
    return "inner result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"
    r2 = yield from [10, 20]
    print("list gives", r2)
    yield from range(2)
    yield from "ab"
    yield from (x * x for x in range(3))
    return "outer result"

g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
print(list(g))

# Deep chains do not grow the C++ stack.
def chain(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from chain(n - 1)
    return r + 1

c = chain(500)
print(next(c))
try:
    next(c)
except StopIteration as e:
    print("depth", e.value)

# throw and close are passed to the sub-generator.
def sub():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("sub caught", repr(e))
        yield "sub recovered"
    finally:
        print("sub finally")

def deleg():
    try:
        x = yield from sub()
        print("deleg result", x)
        yield "after"
    finally:
        print("deleg finally")

d = deleg()
print(next(d))
print(d.throw(KeyError("k")))
print(next(d))
print(next(d, "end"))

d = deleg()
next(d)
d.close()

# An exception the sub-generator does not handle passes through the delegator.
d = deleg()
next(d)
try:
    d.throw(ValueError("v"))
except ValueError as e:
    print("escaped", e)

# The delegator can handle what the sub-generator raises.
def failing():
    yield 1
    raise IndexError("from sub")
def guard():
    try:
        yield from failing()
    except IndexError as e:
        yield "guarded " + str(e)
print(list(guard()))

# Sending into a non-generator iterator delegates to its send(), if any.
class Sender:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("iter done")
        return self.n
    def send(self, v):
        print("Sender.send", v)
        return self.__next__()
    def throw(self, *args):
        print("Sender.throw", args[0].__class__.__name__)
        raise StopIteration("thrown done")
def uses_sender():
    r = yield from Sender()
    print("r =", r)
    yield "tail"
u = uses_sender()
print(next(u))
print(u.send("x"))
print(u.throw(KeyError("q")))

# Sending a non-None value to an iterator without send().
def no_send():
    yield from iter([1, 2])
n = no_send()
next(n)
try:
    n.send(5)
except AttributeError as e:
    print("AttributeError:", e)

# yield from a non-iterable.
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print("TypeError:", e)

# yield from an exhausted generator gives None.
def empty():
    return "e"
    yield
def twice():
    e = empty()
    print((yield from e))
    print((yield from e))
print(list(twice()))

# gi_yieldfrom shows the sub-iterator while delegating.
def watcher():
    yield from inner()
w = watcher()
print(w.gi_yieldfrom)
next(w)
print(type(w.gi_yieldfrom).__name__, w.gi_yieldfrom.__name__)
