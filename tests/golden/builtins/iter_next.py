# iter and next.
it = iter([1, 2, 3])
print(next(it))
print(next(it), next(it))
print(next(it, None), next(it, "again"))
s = iter("xy")
print(next(s), next(s), next(s, "-"))
d = iter({"a": 1, "b": 2})
print(next(d), next(d))
r = iter(range(3))
print(list(r), list(r))
t = iter((1, 2))
print(iter(t) is t)
l = [1, 2, 3]
it1 = iter(l)
it2 = iter(l)
print(next(it1), next(it1), next(it2))
it = iter([10, 20, 30])
for v in it:
    print("for", v)
    if v == 10:
        print("skip", next(it))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
