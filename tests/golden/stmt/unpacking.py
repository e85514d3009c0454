# Tuple/list unpacking, including nested and swap.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d) = [3, 4]
print(c, d)
[e, f] = (5, 6)
print(e, f)
x, (y, z) = 1, (2, 3)
print(x, y, z)
(p, q), [r, s] = "ab", [7, 8]
print(p, q, r, s)
h, i, j = "xyz"
print(h, i, j)
k, l = range(2)
print(k, l)
pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, name in pairs:
    print(num, name)
for idx, (lo, hi) in enumerate([(0, 1), (5, 9)]):
    print(idx, lo, hi)
d = {"a": 1, "b": 2}
for key, val in d.items():
    print(key, val)
m, n = n2, m2 = 10, 20
print(m, n, n2, m2)
obj = [0, 0]
obj[0], obj[1] = "first", "second"
print(obj)
t = 1,
print(t)
(u,) = [42]
print(u)
