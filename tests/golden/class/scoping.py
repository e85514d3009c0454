# Closures inside methods, class-level names, nested classes, __class__ and super() chains.
class Base:
    kind = "base"

    def describe(self):
        return "I am " + self.kind

    @classmethod
    def create(cls):
        return cls()


class Child(Base):
    kind = "child"

    def describe(self):
        parent = super().describe()
        def helper():
            return parent + " (via " + __class__.__name__ + ")"
        return helper()

    @classmethod
    def create(cls):
        obj = super().create()
        obj.made_by = cls.__name__
        return obj


c = Child.create()
print(c.describe(), c.made_by, type(c).__name__)


def make_class(tag):
    class Tagged:
        label = tag

        def get(self):
            return tag + "/" + self.label
    return Tagged


T = make_class("t1")
print(T().get(), T.__name__, T.__qualname__)


class Outer:
    class Inner:
        def hello(self):
            return "inner hello"


print(Outer.Inner().hello(), Outer.Inner.__qualname__)


class Counter:
    total = 0

    def __init__(self):
        Counter.total += 1
        self.n = Counter.total


a, b = Counter(), Counter()
print(a.n, b.n, Counter.total)
print(isinstance(c, Base), issubclass(Child, Base), Child.__bases__[0].__name__, Child.__mro__[1].__name__)
