# functools.partial and functools.reduce, with their errors.
import functools
from functools import partial, reduce

def f(a, b, c=3, *, d=4):
    return (a, b, c, d)

p = partial(f, 1)
print(p(2), p(2, 5), p(2, d=9), p.func is f, p.args, p.keywords)
q = partial(f, 1, 2, d=0)
print(q(), q(c=7), q(d=1), q.args, q.keywords)
r = partial(q, 8)
print(r(), r.func is f, r.args, r.keywords)
s = partial(r, d=5)
print(s(), s.keywords)
print(repr(partial(max, 1, 2)))
print(repr(partial(max, 3, key=abs)))
print(repr(partial(len)))
print(partial(max, 5)(3, 9), partial(sorted, key=lambda x: -x)([3, 1, 2]))

class P2(partial):
    pass
print(repr(P2(min, 4)), P2(min, 4)(2))

try:
    partial()
except TypeError as e:
    print("TypeError:", e)
try:
    partial(5)
except TypeError as e:
    print("TypeError:", e)
try:
    partial(f)()
except TypeError as e:
    print("TypeError:", e)

# reduce
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(reduce(lambda a, b: a + b, [1, 2, 3, 4], 100))
print(reduce(lambda a, b: a * b, range(1, 8)))
print(reduce(lambda a, b: a + b, ["x"], "init"), reduce(lambda a, b: a + b, [], 0))
print(reduce(lambda acc, x: acc + [x * 2], (1, 2, 3), []))
print(reduce(max, [3, 9, 2]), reduce(lambda a, b: b, "abc"))
for args in [(), (len,), (len, [], 0, 1)]:
    try:
        reduce(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
try:
    reduce(lambda a, b: a, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    reduce(lambda a, b: a, [1], initial=0)
except TypeError as e:
    print("TypeError:", e)
def boom(a, b):
    raise ValueError("boom %r %r" % (a, b))
try:
    reduce(boom, [1, 2])
except ValueError as e:
    print("ValueError:", e)

# Keywords named like partial's own parameters pass through.
def kw(**k):
    return sorted(k.items())
print(partial(kw, self=1, cls=2)(func=3), partial(kw)(self=0))
