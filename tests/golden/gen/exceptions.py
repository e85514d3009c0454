# Exceptions inside generators.
def fails_at(n):
    for i in range(5):
        if i == n:
            raise ValueError("failed at %d" % i)
        yield i

out = []
try:
    for x in fails_at(2):
        out.append(x)
except ValueError as e:
    print(out, e)

# After an exception the generator is finished.
g = fails_at(0)
try:
    next(g)
except ValueError as e:
    print("first:", e)
print(list(g))

# try/except inside the generator around yields.
def guarded():
    for i in range(3):
        try:
            if i == 1:
                1 / 0
            yield i
        except ZeroDivisionError as e:
            yield "div: " + str(e)
print(list(guarded()))

# PEP 479: StopIteration escaping a generator becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration("leak")
try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__), e.__cause__ is e.__context__, e.__suppress_context__)

def leaky_next():
    it = iter([])
    yield next(it)
try:
    for x in leaky_next():
        pass
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

class MyStop(StopIteration):
    pass
def sub_stop():
    raise MyStop
    yield
try:
    next(sub_stop())
except RuntimeError as e:
    print("subclass:", e, type(e.__cause__).__name__)

# StopIteration caught inside the generator is fine.
def careful():
    it = iter([1])
    while True:
        try:
            v = next(it)
        except StopIteration:
            return
        yield v
print(list(careful()))

# sys.exc_info / bare raise inside a generator's except block across yields.
def reraiser():
    try:
        raise KeyError("inner")
    except KeyError:
        yield "handling"
        raise
r = reraiser()
print(next(r))
try:
    next(r)
except KeyError as e:
    print("re-raised", e)

# The caller's handled exception is not disturbed by a generator's.
def plain():
    yield 1
    yield 2
p = plain()
try:
    raise NameError("outer")
except NameError:
    next(p)
    try:
        raise
    except NameError as e:
        print("still handling", e)

# An exception raised while the generator handles another chains to it.
def chained():
    try:
        yield 1
        raise TypeError("one")
    except TypeError:
        yield 2
        raise ValueError("two")
c = chained()
try:
    for v in c:
        print("v", v)
except ValueError as e:
    print(repr(e), repr(e.__context__))

# Generators and KeyboardInterrupt-like BaseExceptions pass through.
def base():
    yield 1
    raise SystemExit(3)
try:
    list(base())
except SystemExit as e:
    print("SystemExit", e.code)
