# Edge cases: close/throw through yield from, return in finally, self-delegation, send chains.
def sub():
    try:
        yield 1
    except GeneratorExit:
        print("sub exit")
        raise
def outer():
    try:
        yield from sub()
    except GeneratorExit:
        print("outer exit")
        raise
o = outer(); next(o); o.close(); print(o.gi_frame)

class It:
    def __iter__(self): return self
    def __next__(self): return 1
    def close(self): print("It.close")
def o2():
    yield from It()
g = o2(); next(g); g.close()

def o3():
    yield from It()
g = o3(); next(g)
try:
    g.throw(KeyError("no throw method"))
except KeyError as e:
    print("KeyError", e)

# generator returning in finally during close
def ret_fin():
    try:
        yield 1
    finally:
        return 5
r = ret_fin(); next(r); print(r.close())

# next on running via genexp referencing itself
def selfgen():
    yield from gg
gg = selfgen()
try:
    next(gg)
except ValueError as e:
    print(e)

# send to yield from inner, with return value
def acc():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v
def wrap():
    while True:
        t = yield from acc()
        print("total", t)
w = wrap(); next(w)
for v in [1, 2, 3, None, 10, None]:
    w.send(v)

# StopIteration in yield from sub-generator propagates as RuntimeError at the right level
def bad_sub():
    raise StopIteration(9)
    yield
def outer2():
    try:
        yield from bad_sub()
    except RuntimeError as e:
        print("outer2 caught", e, repr(e.__cause__))
        yield "ok"
print(list(outer2()))

# yield in nested try/finally with break
def brk():
    for i in range(3):
        try:
            yield i
            if i == 1:
                break
        finally:
            print("fin", i)
print(list(brk()))
# generator with many locals and deep stack
def big(*a):
    x = [a, (yield a), {"k": (yield 2)}]
    yield x
b = big(1, 2)
print(next(b), b.send("s1"), b.send("s2"))
print(b.gi_running, b.gi_suspended if hasattr(b, "gi_suspended") else "")
# generator as attribute method call
print(" ".join(x for x in "abc"))
print(list(zip(*((i, i * i) for i in range(3)))))
def kw(**k):
    yield from sorted(k.items())
print(list(kw(b=2, a=1)))
