# Docstrings become __doc__ of functions, classes and methods; other first statements do not.
def documented():
    """Says what it does."""
    return 1


def undocumented():
    x = "not a docstring"
    return x


def single_line(): "one line"; return 2


def only_doc():
    """Only a docstring."""


class Thing:
    """A thing."""

    def method(self):
        """A method."""

    @property
    def prop(self):
        """A property."""
        return 3


class Bare:
    pass


print(repr(documented.__doc__), repr(undocumented.__doc__), repr(single_line.__doc__), repr(only_doc.__doc__))
print(repr(Thing.__doc__), repr(Thing.method.__doc__), repr(Thing.prop.__doc__), repr(Bare.__doc__))
print(repr((lambda: "not a docstring").__doc__))
print(documented(), single_line(), only_doc())
documented.__doc__ = "changed"
print(documented.__doc__)

import functools


def wrap(fn):
    @functools.wraps(fn)
    def inner(*args):
        return fn(*args)
    return inner


@wrap
def wrapped():
    """Kept by functools.wraps."""


print(wrapped.__name__, repr(wrapped.__doc__))
