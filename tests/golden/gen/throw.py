# throw(): raises inside the generator at its yield.
def g():
    while True:
        try:
            yield "ok"
        except ValueError as e:
            print("caught", repr(e))
            yield "handled"

it = g()
print(next(it))
print(it.throw(ValueError("boom")))
print(next(it))
print(it.throw(ValueError))
print(next(it))
print(it.throw(ValueError, "with value"))
print(next(it))
print(it.throw(ValueError, ValueError("instance value")))
print(next(it))
print(it.throw(ValueError, ("a", "b")))
print(next(it))

# An unhandled exception thrown in finishes the generator and propagates.
try:
    it.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
print(list(it))

# Throwing into a generator that has not started: it never runs.
def never():
    print("never printed")
    yield 1
n = never()
try:
    n.throw(RuntimeError("early"))
except RuntimeError as e:
    print("RuntimeError", e)
print(list(n))

# Throwing into a finished generator raises at the caller.
try:
    n.throw(IndexError("late"))
except IndexError as e:
    print("IndexError", e)

# Bad arguments.
it = g()
next(it)
for args in [(), (1,), ("x",), (ValueError("a"), 1), (ValueError, None, 5), (1, 2, 3, 4)]:
    try:
        it.throw(*args)
    except TypeError as e:
        print("TypeError:", e)

# The generator catches and returns: StopIteration with the value.
def catcher():
    try:
        yield 1
    except ZeroDivisionError:
        return "caught it"
c = catcher()
next(c)
try:
    c.throw(ZeroDivisionError)
except StopIteration as e:
    print("StopIteration", e.value)

# finally runs when the thrown exception escapes.
def fin():
    try:
        yield 1
    finally:
        print("cleanup")
f = fin()
next(f)
try:
    f.throw(OSError("disk"))
except OSError as e:
    print("OSError", e)

# An exception thrown in while the generator handles another is chained to it.
def inside_except():
    try:
        raise KeyError("first")
    except KeyError:
        yield "in handler"
x = inside_except()
print(next(x))
try:
    x.throw(ValueError("second"))
except ValueError as e:
    print(repr(e), "context:", repr(e.__context__))
