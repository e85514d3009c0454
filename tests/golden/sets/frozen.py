# frozenset: immutable, hashable, usable as a dict key and set element.
f = frozenset([3, 1, 2])
print(f, repr(f), len(f))
print(f.union([4]), f.intersection({1, 2}), f.difference([1]), f.symmetric_difference([1, 9]))
print(type(f.union([4])).__name__, type(f | {4}).__name__, type({4} | f).__name__)
print(type(f & {1}).__name__, type({1} & f).__name__, type(f - {1}).__name__, type(f ^ {1}).__name__)
print(f.copy() is f, frozenset(f) is f)
print(hash(frozenset()), hash(frozenset({1, 2})), hash(frozenset({1, 2, 3})))
print(hash(frozenset([(1, 2), (3, 4)])), hash(frozenset([frozenset([1]), frozenset()])))
print(hash(frozenset(range(100))), hash(frozenset([-1, -2, 2 ** 62])))
print(hash(frozenset([1.5, 2.5])), hash(frozenset([None])) == hash(frozenset([None])))
print(hash(frozenset('ab')) == hash(frozenset('ba')))
d = {frozenset([1, 2]): 'a', frozenset(): 'empty'}
print(d[frozenset([2, 1])], d[frozenset()])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s), frozenset([1]) in s)
print({1, 2} in {frozenset([1, 2])})
nested = frozenset([frozenset([1, 2]), frozenset([3])])
print(frozenset([1, 2]) in nested, {3} in nested)
print(frozenset([1, 2]) == {1, 2}, {1, 2} == frozenset([1, 2]), frozenset() == set())
print(frozenset({1: 2}), frozenset(range(3)), frozenset('a'))
for name in ('add', 'remove', 'discard', 'pop', 'clear', 'update'):
    print(name, hasattr(f, name))
try:
    f.add(1)
except AttributeError as e:
    print(e)
