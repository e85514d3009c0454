# An uncaught exception in a @contextmanager's with body: the traceback shows the body's line
# only, as if no generator had been involved.
from contextlib import contextmanager

@contextmanager
def managed():
    print("setup")
    try:
        yield "resource"
    finally:
        print("teardown")

def work(d):
    with managed() as r:
        print("using", r)
        return d["missing"]

work({})
