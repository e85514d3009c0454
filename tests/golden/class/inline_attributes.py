# Instances keep their attributes inline, named by their class, until something needs a dict
# (vm/instance.h). Nothing a script sees may depend on which of the two holds them.
import copy


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b


# Same order every time: all inline. Reads and writes through cached and uncached sites.
ps = [P(i, i * 2) for i in range(5)]
for p in ps:
    p.a += 1
print([p.total() for p in ps], [getattr(p, "b") for p in ps], hasattr(ps[0], "c"))

# A name built at run time is the same attribute as the literal one.
name = "".join(["a"])
setattr(ps[0], name, 100)
print(ps[0].a, getattr(ps[0], "a"), ps[0].total())

# Another order: the later instance holds its attributes differently, and lists them in its order.
q = P.__new__(P)
q.b = "b first"
q.a = "a second"
print(vars(q), q.total())

# A third attribute on one instance; the others never had it.
ps[1].c = "extra"
print(ps[1].c, hasattr(ps[2], "c"), vars(ps[1]))
try:
    ps[2].c
except AttributeError as e:
    print("AttributeError:", e)

# An instance attribute shadows a method once it exists, also after the call site was cached.
def call_total(p):
    return p.total()


print([call_total(p) for p in ps[:3]])
ps[2].total = lambda: "shadowed"
print([call_total(p) for p in ps[:3]])
del ps[2].total
print([call_total(p) for p in ps[:3]])

# Deletion leaves a gap; re-adding puts the name last.
r = P(1, 2)
del r.a
print(vars(r), hasattr(r, "a"))
r.a = 3
print(vars(r), r.total())
try:
    del r.zzz
except AttributeError as e:
    print("AttributeError:", e)

# __dict__ is the attributes themselves: writes through it are seen, and later sets go there.
s = P(5, 6)
d = s.__dict__
d["a"] = 50
s.b = 60
print(s.total(), d, s.__dict__ is d)


# A new __class__ keeps the values under their names.
class Q:
    def __init__(self):
        self.b = "qb"
        self.a = "qa"

    def show(self):
        return (self.a, self.b)


t = P("pa", "pb")
t.__class__ = Q
print(t.show(), vars(t), type(t).__name__)
u = Q()
u.__class__ = P
print(u.total(), vars(u))

# Copies, dir() and equality of the attribute sets.
c = copy.copy(ps[3])
c.a = -1
print(ps[3].a, c.a, vars(c) == {"a": -1, "b": 6})
print([n for n in dir(ps[4]) if not n.startswith("__")])


# Many attributes: more than any inline room.
class Wide:
    pass


w = Wide()
for i in range(40):
    setattr(w, "f%d" % i, i)
w2 = Wide()
for i in range(40):
    setattr(w2, "f%d" % i, -i)
print(w.f39, w2.f39, sum(getattr(w2, "f%d" % i) for i in range(40)), len(vars(w2)))


# Subclasses: attributes set by the base's __init__ and the subclass's own.
class R(P):
    def __init__(self, a, b, c):
        super().__init__(a, b)
        self.c = c

    def total(self):
        return super().total() + self.c


print([R(i, i, i).total() for i in range(4)], vars(R(1, 2, 3)))


# __slots__ classes and a data descriptor named like an attribute.
class S:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1


class D:
    @property
    def a(self):
        return "property"

    def __init__(self):
        self.b = 2


s1 = S()
s1.y = 2
print(s1.x, s1.y, hasattr(s1, "__dict__"))
try:
    s1.z = 3
except AttributeError as e:
    print("AttributeError:", e)
dd = D()
try:
    dd.a = 1
except AttributeError as e:
    print("AttributeError:", e)
print(dd.a, dd.b, vars(dd))

# Values stay alive through collections, whoever holds them (the GC-stress builds collect at
# every allocation here).
keep = [P([i], {"k": i}) for i in range(300)]
for i in range(300):
    garbage = [P(i, [i]), {"i": i}]
print(sum(k.a[0] + k.b["k"] for k in keep))

# Replacing and deleting __dict__ (a function's too).
a = P(1, 2)
a.__dict__ = {"y": 2}
print(a.__dict__, getattr(a, "a", None), a.y)
a.z = 3
print(a.__dict__)
for bad in (5, [1]):
    try:
        a.__dict__ = bad
    except TypeError as e:
        print("TypeError:", e)
del a.__dict__
print(a.__dict__, hasattr(a, "y"))
a.a, a.b = 7, 8
print(a.total(), a.__dict__)


class DictSub(dict):
    pass


a.__dict__ = DictSub(a=1, b=2)
print(a.total(), type(a.__dict__).__name__)


def f():
    pass


f.__dict__ = {"k": 1}
print(f.k)
for op in ("delete", "int"):
    try:
        if op == "delete":
            del f.__dict__
        else:
            f.__dict__ = 1
    except TypeError as e:
        print("TypeError:", e)
err = ValueError(1)
err.__dict__ = {"note": 2}
print(err.note, err.args)
