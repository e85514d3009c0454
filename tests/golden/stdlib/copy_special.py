# copy of slotted instances, exceptions, objects with __reduce__, partials, and things that
# cannot be copied.
import copy
import functools
import threading

class S:
    __slots__ = ["a", "b"]
    def __init__(self):
        self.a = [1]
s = S()
c = copy.copy(s)
print(c.a is s.a, hasattr(c, "b"))
d = copy.deepcopy(s)
print(d.a == s.a, d.a is s.a)

e = ValueError("x", 2)
e.note = "n"
c = copy.copy(e)
print(type(c).__name__, c.args, c.note, c is e)
d = copy.deepcopy(KeyError([1]))
print(repr(d), d.args[0] == [1])

for v in [threading.Lock(), [1, threading.Lock()]]:
    for fn in [copy.copy, copy.deepcopy]:
        try:
            fn(v)
            print("copied", fn.__name__)
        except TypeError as e:
            print(fn.__name__, "TypeError:", e)

class WithNew:
    def __new__(cls, x):
        o = object.__new__(cls)
        o.x = x
        return o
try:
    copy.copy(WithNew(3))
except TypeError as e:
    print("TypeError:", e)

class Reduced:
    def __init__(self, a, b):
        print("__init__", a, b)
        self.a = a
        self.b = b
    def __reduce__(self):
        return (Reduced, (self.a, self.b), {"extra": [self.a]})
r = Reduced([1], 2)
rc = copy.copy(r)
rd = copy.deepcopy(r)
print(rc.a is r.a, rc.extra, rd.a is r.a, rd.a == r.a, rd.extra)

p = functools.partial(max, [1])
pc = copy.copy(p)
pd = copy.deepcopy(p)
print(repr(pc), pc.args[0] is p.args[0], pd.args[0] is p.args[0], pd([0]), type(pd).__name__)
try:
    p.func = min
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.args = ()
except AttributeError as e:
    print("AttributeError:", e)
p.note = "ok"
print(p.note, copy.copy(p).note)

# deepcopy's memo: a copier can look things up and register them.
class Memo:
    def __init__(self, inner):
        self.inner = inner
    def __deepcopy__(self, memo):
        print("inner already copied:", id(self.inner) in memo)
        new = Memo(None)
        memo[id(self)] = new
        new.inner = copy.deepcopy(self.inner, memo)
        return new
inner = [1, 2]
m = Memo(inner)
pair = copy.deepcopy([inner, m, m])
print(pair[1].inner is pair[0], pair[1] is pair[2])

# Functions and classes are shared, not copied.
print(copy.deepcopy(copy.copy) is copy.copy, copy.deepcopy(S) is S, copy.copy(S) is S)
print(copy.deepcopy({"f": len, "c": S})["c"] is S)
