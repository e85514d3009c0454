# Iterating a set, and changing its size while iterating.
s = {5, 1, 3}
it = iter(s)
print(type(it).__name__, next(it), list(it), list(it))
for x in s:
    print(x)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RuntimeError', e)
print(sorted(s))
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print('RuntimeError', e)
print(s)
s = {1, 2, 3}
it = iter(s)
next(it)
s.add(9)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    next(it)
except RuntimeError as e:
    print('again', e)
s = {1, 2, 3}
for x in s:
    s.add(x)  # no size change: allowed
print(s)
s = {1, 2, 3}
it = iter(s)
next(it)
s.remove(3)
s.add(4)
print(list(it))
print(list(enumerate({10, 20})), list(zip({1, 2}, 'ab')))
print(list(map(str, {3, 4})), list(filter(None, {0, 1, 2})))
print(list(reversed(sorted({3, 1, 2}))))
a, b = {1, 2}
print(a, b)
print(*{7, 8})
print(any({0, 0.0}), all({1, 2}), all(set()))
f = frozenset([2, 1])
print([x for x in f], sorted(f))
