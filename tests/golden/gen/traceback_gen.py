# An uncaught exception raised inside nested generators: the traceback shows every frame.
def inner():
    yield 1
    x = {}
    yield x["missing"]

def middle():
    yield from inner()

def outer():
    for v in middle():
        yield v

for v in outer():
    print(v)
