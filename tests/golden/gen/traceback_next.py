# Traceback through next() and a generator's PEP 479 conversion.
def gen():
    yield 1
    raise StopIteration("inside")

it = gen()
next(it)
next(it)
