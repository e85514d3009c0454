# suppress, closing, nullcontext, redirect_stdout/stderr, ExitStack.
import contextlib
import io
import sys
from contextlib import suppress, closing, nullcontext, redirect_stdout, redirect_stderr, ExitStack

with suppress(KeyError, IndexError):
    [][0]
print("suppressed IndexError")
with suppress(LookupError):
    {}["x"]
print("suppressed subclass")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("ZeroDivisionError passes")
with suppress():
    pass
print("empty suppress")

class Resource:
    def __init__(self, name):
        self.name = name
    def close(self):
        print("closed", self.name)
with closing(Resource("r1")) as r:
    print("using", r.name)
try:
    with closing(Resource("r2")):
        raise ValueError("while using")
except ValueError as e:
    print("ValueError", e)

with nullcontext(42) as v:
    print("nullcontext gives", v)
with nullcontext() as v:
    print("default", v)

buf = io.StringIO()
with redirect_stdout(buf) as target:
    print("captured line")
    print("another")
print(target is buf, repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    sys.stderr.write("to stderr\n")
print(repr(err.getvalue()))

# ExitStack runs callbacks last-in first-out.
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    stack.enter_context(closing(Resource("from stack")))
    print("body")

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress

with ExitStack() as stack:
    names = [stack.enter_context(CM(n)) for n in "abc"]
    print(names)

# A suppressing manager hides the error from the ones pushed before it.
with ExitStack() as stack:
    stack.enter_context(CM("outer"))
    stack.enter_context(CM("suppressor", suppress=True))
    raise KeyError("hidden")
print("after suppressed block")

# An exception from a callback replaces the pending one and chains to it.
def fail():
    raise ValueError("callback failed")
try:
    with ExitStack() as stack:
        stack.callback(fail)
        raise KeyError("original")
except ValueError as e:
    print(repr(e), "context:", repr(e.__context__))

# pop_all moves the callbacks; close runs them.
with ExitStack() as stack:
    stack.callback(print, "moved callback")
    later = stack.pop_all()
print("stack exited")
later.close()

# push accepts exit functions and managers.
def exit_fn(t, v, tb):
    print("exit_fn", t.__name__ if t else None)
    return True
with ExitStack() as stack:
    stack.push(exit_fn)
    stack.push(CM("pushed"))
    raise IndexError
print("done pushing")

try:
    ExitStack().enter_context(object())
except TypeError as e:
    print("TypeError:", e)

print(sorted(n for n in contextlib.__all__ if not n.startswith("Async") and not n.startswith("async") and n != "chdir" and n != "aclosing" and n != "AbstractAsyncContextManager"))
