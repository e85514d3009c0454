# contextlib.contextmanager: setup, the yield as the with body, teardown.
from contextlib import contextmanager

@contextmanager
def tag(name):
    print("<%s>" % name)
    yield name.upper()
    print("</%s>" % name)

with tag("b") as t:
    print("body", t)

# Nested.
with tag("outer"):
    with tag("inner") as x:
        print("inside", x)

# An exception in the body is thrown in at the yield; finally runs and it propagates.
@contextmanager
def cleanup():
    try:
        yield
    finally:
        print("cleanup ran")
try:
    with cleanup():
        raise ValueError("body failed")
except ValueError as e:
    print("propagated:", e)

# The generator can swallow the exception.
@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", repr(e))
with swallow(KeyError):
    {}["k"]
print("after swallow")
try:
    with swallow(KeyError):
        [][1]
except IndexError as e:
    print("not swallowed:", e)

# The generator can replace the exception.
@contextmanager
def translate():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("translated") from e
try:
    with translate():
        1 / 0
except ArithmeticError as e:
    print(repr(e), "cause:", repr(e.__cause__))

# Errors in the protocol.
@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    with two_yields():
        raise KeyError("x")
except KeyError as e:
    print("KeyError passes through:", e)

@contextmanager
def yields_after_error():
    try:
        yield 1
    except KeyError:
        yield 2
try:
    with yields_after_error():
        raise KeyError("x")
except RuntimeError as e:
    print("RuntimeError:", e)

# StopIteration raised in the body comes back as itself.
@contextmanager
def plain():
    yield
try:
    with plain():
        raise StopIteration("from body")
except StopIteration as e:
    print("StopIteration:", e)
except RuntimeError as e:
    print("wrong:", e)

# Used as a decorator: each call gets a fresh generator.
@tag("call")
def decorated(n):
    print("decorated body", n)
    return n * 2
print(decorated(1))
print(decorated(2))

# The factory keeps the function's name.
@contextmanager
def documented():
    yield
print(documented.__name__, documented.__qualname__)
cm = documented()
print(type(cm).__name__)

# A value returned from the manager to the with body, and the same one reused.
@contextmanager
def opened(log):
    log.append("open")
    try:
        yield log
    finally:
        log.append("close")
log = []
with opened(log) as f:
    f.append("write")
print(log)
cm = opened([])
with cm:
    pass
try:
    with cm:
        pass
except AttributeError as e:
    print("reuse fails:", type(e).__name__)
