# __slots__: restricted attributes, __dict__ slot, conflicts, multiple inheritance rules.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)

class Q(P):
    __slots__ = ("z",)

q = Q(1, 2)
q.z = 3
print(q.x, q.z)
try:
    q.w = 1
except AttributeError as e:
    print("AttributeError:", e)

class Free(P):
    pass

f = Free(1, 2)
f.anything = 5
print(f.anything)

class WithDict:
    __slots__ = ("a", "__dict__")

w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b)

class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("b",)
try:
    class S12(S1, S2): pass
except TypeError as e:
    print("TypeError:", e)

class E1:
    __slots__ = ()
class E2:
    __slots__ = ()
class E12(E1, E2):
    __slots__ = ()
print([c.__name__ for c in E12.__mro__])

try:
    class Clash:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)

class Single:
    __slots__ = "only"
s = Single()
s.only = 1
print(s.only)
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError:", e)
