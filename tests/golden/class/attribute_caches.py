# The eval loop caches what it learns about each attribute and global name; every change
# below must be seen by the very same instructions that ran before it.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


def read(p):
    return p.x, p.norm()


def write(p, v):
    p.x = v


p = Point(3, 4)
for _ in range(3):
    print(read(p))

# An instance attribute that shadows the method, then goes away again.
p.norm = lambda: "shadowed"
print(read(p))
del p.norm
print(read(p))

# The method replaced on the class.
Point.norm = lambda self: -1
print(read(p))

# A property added to the class takes over the instance's own x, for reading and writing.
Point.x = property(lambda self: "from property", lambda self, v: print("setter got", v))
print(read(p))
write(p, 10)
print(p.__dict__["x"])
del Point.x
print(read(p))
write(p, 11)
print(p.x)

# __getattribute__ and __setattr__ added after the sites ran.
def getattribute(self, name):
    return "intercepted " + name


Point.__getattribute__ = getattribute
print(read(p) if False else p.x)
del Point.__getattribute__
print(read(p))


def setattr_hook(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value * 2)


Point.__setattr__ = setattr_hook
write(p, 5)
print(p.x)
del Point.__setattr__
write(p, 5)
print(p.x)


# One site, objects of several classes in turn.
class Other:
    def __init__(self):
        self.x = "other x"

    def norm(self):
        return "other norm"


class Sub(Point):
    def norm(self):
        return "sub norm"


for obj in [Point(1, 2), Other(), Sub(5, 6), Point(7, 8), Other()]:
    print(read(obj))
    write(obj, 0)
    print(obj.x)

# __class__ assignment: the same object, another class.
q = Point(1, 1)
print(read(q))
q.__class__ = Sub
print(read(q))

# Attributes inserted in different orders: the index hint of one dict is wrong for the other.
a = Point(1, 2)
b = Point.__new__(Point)
b.y = 20
b.x = 10
b.extra = 0
for obj in [a, b, a, b]:
    print(read(obj))
del b.x
try:
    read(b)
except AttributeError as e:
    print("AttributeError:", e)
b.x = 30
print(read(b))

# Methods of built-in types, and a subclass of one with its own dict.
class MyList(list):
    pass


def append_to(seq, v):
    seq.append(v)
    return seq


print(append_to([1], 2))
m = MyList([1])
print(append_to(m, 2))
m.append = lambda v: print("instance append", v)
print(append_to(m, 3))

# Globals: a builtin, then a global that shadows it, then the builtin again.
def length(s):
    return len(s)


print(length("abc"))
len = lambda s: "global len"
print(length("abc"))
del len
print(length("abc"))

# One code object run with different globals dicts.
code = compile("print(value, len('xy'))", "<cache>", "exec")
exec(code, {"value": 1})
exec(code, {"value": 2, "len": lambda s: "their len"})
exec(code, {"x": 0, "y": 0, "value": 3})
try:
    exec(code, {})
except NameError as e:
    print("NameError:", e)

# A class attribute changed on a base reaches the instances of its subclasses; one changed on a
# subclass leaves the base and the sibling alone.
class Base:
    def who(self):
        return "base"


class Left(Base):
    pass


class Right(Base):
    pass


def who(obj):
    return obj.who()


objs = [Base(), Left(), Right()]
print([who(o) for o in objs])
Base.who = lambda self: "base, replaced"
print([who(o) for o in objs])
Left.who = lambda self: "left's own"
print([who(o) for o in objs])
del Left.who
print([who(o) for o in objs])


# More classes at one site than it remembers.
def make(i):
    return type("C%d" % i, (), {"tag": lambda self, i=i: i, "__init__": lambda self: setattr(self, "v", i * 10)})


classes = [make(i) for i in range(7)]
instances = [cls() for cls in classes] * 3
print([o.tag() for o in instances])
print([o.v for o in instances])
classes[3].tag = lambda self: "three"
print([o.tag() for o in instances])

# Module attributes: a module's globals as they are at each access.
import math
import sys

me = sys.modules[__name__]
counter = 0


def read_module():
    return me.counter, math.floor(2.5)


print(read_module())
counter = 5
math.floor = lambda x: "patched floor"
print(read_module())
del math.floor
try:
    read_module()
except AttributeError as e:
    print("AttributeError:", e)
del counter
try:
    read_module()
except AttributeError as e:
    print("AttributeError:", e)


def __getattr__(name):
    return "module __getattr__ for " + name


print(me.counter, me.missing)
counter = 7
print(me.counter)
