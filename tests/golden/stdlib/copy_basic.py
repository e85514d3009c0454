# copy.copy and copy.deepcopy: containers, instances, hooks, shared and cyclic references.
import copy

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d == a, d[1] is a[1], d[2]["k"] is a[2]["k"])
a[1].append(99)
print(s[1], d[1])

t = (1, 2, "x")
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
dt = copy.deepcopy(t2)
print(dt == t2, dt is t2, dt[1] is t2[1])
for v in [None, 5, 2.5, True, "s", range(3), len, copy.copy]:
    print(copy.copy(v) is v, copy.deepcopy(v) is v)

dd = {"a": [1], "b": {"c": 2}}
sd, ddc = copy.copy(dd), copy.deepcopy(dd)
print(sd == dd, sd is dd, sd["a"] is dd["a"], ddc["a"] is dd["a"], ddc == dd)

# Shared references stay shared inside one deepcopy; cycles are reproduced.
shared = [0]
pair = [shared, shared]
cp = copy.deepcopy(pair)
print(cp[0] is cp[1], cp[0] is shared)
loop = [1]
loop.append(loop)
lc = copy.deepcopy(loop)
print(lc[1] is lc, lc is loop, len(lc))
dl = {}
dl["me"] = dl
dc = copy.deepcopy(dl)
print(dc["me"] is dc, dc is dl)
tl = [1]
tup = (tl,)
tl.append(tup)
tc = copy.deepcopy(tup)
print(tc[0][1] is tc, tc is tup)

memo = {}
x = [1, 2]
y = copy.deepcopy(x, memo)
print(memo[id(x)] is y, copy.deepcopy(x, memo) is y)

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

p = Point([1], {"z": 2})
ps = copy.copy(p)
pd = copy.deepcopy(p)
print(ps, pd, type(ps).__name__, ps is p, ps.x is p.x, pd.x is p.x, pd.y == p.y)
print(copy.deepcopy([p, p])[0] is copy.deepcopy([p, p])[1])
both = copy.deepcopy([p, p])
print(both[0] is both[1])

class Hooked:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__ called")
        return Hooked(("copied", self.v))
    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Hooked(("deep", copy.deepcopy(self.v, memo)))
h = Hooked([1])
print(copy.copy(h).v, copy.deepcopy(h).v)
print(copy.deepcopy({"h": h})["h"].v)

class State:
    def __init__(self):
        self.a = 1
        self.b = [2]
    def __getstate__(self):
        print("getstate")
        return {"a": self.a * 10}
    def __setstate__(self, st):
        print("setstate", st)
        self.__dict__.update(st)
        self.restored = True
st = copy.deepcopy(State())
print(st.a, st.restored, hasattr(st, "b"))
st2 = copy.copy(State())
print(st2.a, st2.restored)

class NoInit:
    def __init__(self):
        print("__init__ runs only once")
        self.v = 1
n = NoInit()
print(copy.copy(n).v, copy.deepcopy(n).v)

print(copy.Error.__name__, copy.error is copy.Error, issubclass(copy.Error, Exception))
