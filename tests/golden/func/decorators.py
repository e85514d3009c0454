# Function and class decorators, staticmethod, classmethod, property.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args)
        return fn(*args, **kwargs)
    return wrapper


def twice(fn):
    def wrapper(x):
        return fn(fn(x))
    return wrapper


@trace
@twice
def inc(x):
    return x + 1


print(inc(5))


def register(cls):
    cls.registered = True
    return cls


@register
class Point:
    count = 0

    def __init__(self, x, y):
        self._x = x
        self.y = y
        Point.count += 1

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, value):
        print("setting x to", value)
        self._x = value

    @staticmethod
    def origin_name():
        return "origin"

    @classmethod
    def make(cls, v):
        return cls(v, v)


p = Point.make(3)
print(p.x, p.y, Point.registered, Point.count, Point.origin_name(), p.origin_name())
p.x = 10
print(p.x)
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
