# tuple behaviour.
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t + (4,), t * 2)
print(t.index(2), t.count(1), (1, 1, 2).count(1))
print(t == (1, 2, 3), t < (1, 2, 4), (1,) < (1, 0), () < (0,))
try:
    t[0] = 5
except TypeError as e:
    print(e)
single = (5,)
not_tuple = (5)
print(type(single).__name__, type(not_tuple).__name__)
a, b, c = t
print(a + b + c)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
t2 = (1, [2, 3])
t2[1].append(4)
print(t2)
print(tuple(range(3)), tuple(), (1, 2) + ())
d = {(0, 0): "origin", (1, 2): "point"}
print(d[(0, 0)], d[1, 2])
print(hash((1, 2)) == hash((1, 2)))
for x in (3, 2, 1):
    print(x, end=" ")
print()
print(max((3, 9, 2)), sorted((3, 1, 2)), 2 in t)
