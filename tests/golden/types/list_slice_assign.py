# Assigning to a list slice: which error comes first, every kind of source, and a source that
# changes the list while it is read.
l = [1, 2, 3]
for v in (5, [9], None):
    for k in (slice("a", None), slice(None, None, 0), slice(None, None, 2), slice(1, 2)):
        try:
            l[k] = v
            print("ok", l)
        except Exception as e:
            print(type(e).__name__, e)

a = list(range(8))
a[2:5] = ["x", "y", "z"]  # same length
print(a)
a[2:5] = ("p",)  # shorter, from a tuple
print(a)
a[1:1] = [7, 7]  # an insertion
print(a)
a[5:2] = [0]  # an empty range inserts at its start
print(a)
a[:] = a  # the list itself
print(a)
a[::2] = a[1::2][: len(a[::2])] if len(a) % 2 == 0 else a[::2]
print(a)
a[-3:] = reversed(a[-3:])
print(a)
a[:0] = "ab"
print(a)


class L(list):
    def __iter__(self):
        print("L.__iter__")
        return iter([100, 200])


b = [1, 2, 3, 4]
b[1:3] = L([5, 6, 7])
print(b)


def shrinking(target):
    yield 1
    del target[:]
    yield 2


c = [0, 1, 2, 3, 4, 5]
c[2:4] = shrinking(c)
print(c)
d = [0, 1, 2, 3, 4, 5]
try:
    d[::2] = shrinking(d)
except ValueError as e:
    print("ValueError", e)
print(d)
e = [0, 1, 2, 3]
e[::-1] = (9, 8, 7, 6)
print(e)
try:
    e[::2] = [1, 2, 3]
except ValueError as err:
    print("ValueError", err)
print(e)


def growing(target):
    yield 1
    target.extend([10, 11, 12])
    yield 2


f = [0, 1, 2, 3]
f[-2:] = growing(f)
print(f)
g = [0, 1, 2, 3]
g[-3::2] = growing(g)
print(g)
