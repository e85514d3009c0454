# sys.exc_info() inside generators: a generator's own handled exception is kept across yields;
# the caller's shows through when the generator handles none.
import sys

def g():
    print("exc_info in gen:", sys.exc_info()[0])
    try:
        raise KeyError
    except KeyError:
        yield sys.exc_info()[0].__name__
        print("after resume:", sys.exc_info()[0].__name__)
    print("after except:", sys.exc_info()[0])
    yield 2

try:
    raise ValueError
except ValueError:
    it = g()
    print(next(it))
    print("caller sees:", sys.exc_info()[0].__name__)
print("outside:", sys.exc_info()[0])
print(next(it))

# Nested handlers inside a generator, suspended in the inner one.
def nested():
    try:
        raise IndexError("outer")
    except IndexError:
        try:
            raise TypeError("inner")
        except TypeError:
            yield sys.exc_info()[1]
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]
print([repr(e) for e in nested()])

# gi_frame.f_lineno follows the suspension point.
def lines():
    yield 1
    yield 2
x = lines()
print(x.gi_frame.f_lineno)
next(x)
print(x.gi_frame.f_lineno)
next(x)
print(x.gi_frame.f_lineno)
print(next(x, None), x.gi_frame)
