# collections.abc: the mixin methods user classes get from Mapping, MutableMapping, Sequence,
# MutableSequence, Set and MutableSet.
from collections.abc import Mapping, MutableMapping, Sequence, MutableSequence, Set, MutableSet


class M(Mapping):
    def __init__(self, d):
        self.d = d
    def __getitem__(self, k):
        return self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)

m = M({'a': 1, 'b': 2})
print(list(m.keys()), list(m.items()), list(m.values()), m.get('a'), m.get('z', 9), m.get('z'))
print('a' in m, 'z' in m, m == {'a': 1, 'b': 2}, m != {'a': 1}, m == M({'b': 2, 'a': 1}), m == [1])
print(repr(m.keys())[:10], len(m.keys()), len(m.items()))
print(m.keys() & {'a', 'c'}, sorted(m.keys() | {'c'}), m.keys() - {'a'}, sorted(m.keys() ^ {'a', 'q'}))
print(('a', 1) in m.items(), ('a', 2) in m.items(), 2 in m.values(), 5 in m.values())
print(m.keys() == {'a', 'b'}, m.keys() <= {'a', 'b', 'c'}, m.keys().isdisjoint(['x']))
try:
    hash(m)
except TypeError as e:
    print(e)


class MM(MutableMapping):
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)

mm = MM()
mm.update({'x': 1}, y=2)
mm.update([('z', 3)])
mm.update(M({'q': 0}))
print(dict(mm), mm.setdefault('x', 5), mm.setdefault('w', 6), mm.pop('x'), mm.pop('nope', 'dflt'))
print(mm.popitem(), len(mm), dict(mm))
try:
    mm.pop('nope')
except KeyError as e:
    print('KeyError', e)
mm.clear()
print(len(mm))
try:
    mm.popitem()
except KeyError as e:
    print('KeyError', repr(e))


class S(Sequence):
    def __init__(self, *a):
        self.a = a
    def __getitem__(self, i):
        return self.a[i]
    def __len__(self):
        return len(self.a)

s = S(1, 2, 3, 2)
print(list(s), list(reversed(s)), 2 in s, 5 in s, s.index(2), s.index(2, 2), s.index(2, -1), s.count(2))
for bad in ((9,), (1, 1), (3, 0, 2)):
    try:
        s.index(*bad)
    except ValueError as e:
        print('ValueError', repr(e))
print([x * 10 for x in s], sorted(s), max(s), tuple(S()))


class MS(MutableSequence):
    def __init__(self):
        self.a = []
    def __getitem__(self, i):
        return self.a[i]
    def __setitem__(self, i, v):
        self.a[i] = v
    def __delitem__(self, i):
        del self.a[i]
    def __len__(self):
        return len(self.a)
    def insert(self, i, v):
        self.a.insert(i, v)

ms = MS()
ms.append(1)
ms.extend([2, 3])
ms += [4]
print(ms.a)
ms.reverse()
print(ms.a, ms.pop(), ms.pop(0), ms.a)
ms.remove(3)
print(ms.a)
try:
    ms.remove(42)
except ValueError as e:
    print('ValueError', repr(e))
ms.extend(ms)
print(ms.a)
ms.clear()
print(ms.a, len(ms))


class FS(Set):
    def __init__(self, it=()):
        self.s = list(dict.fromkeys(it))
    def __contains__(self, x):
        return x in self.s
    def __iter__(self):
        return iter(self.s)
    def __len__(self):
        return len(self.s)

a = FS([1, 2, 3])
b = FS([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), type(a & b).__name__)
print(a <= b, FS([2]) < a, a > FS([1]), a >= a, a == FS([3, 2, 1]), a != b, a.isdisjoint([7]))
print(sorted(a & [1, 9]), sorted(a | {5}), sorted({5, 1} - a), a == {1, 2, 3})
print(a._hash() == FS([3, 1, 2])._hash())


class MSet(MutableSet):
    def __init__(self, it=()):
        self.s = []
        for x in it:
            self.add(x)
    def __contains__(self, x):
        return x in self.s
    def __iter__(self):
        return iter(list(self.s))
    def __len__(self):
        return len(self.s)
    def add(self, x):
        if x not in self.s:
            self.s.append(x)
    def discard(self, x):
        if x in self.s:
            self.s.remove(x)

t = MSet([1, 2])
t |= [3, 4]
print(t.s)
t -= [1]
print(t.s)
t &= [2, 3, 9]
print(t.s)
t ^= [3, 5]
print(t.s)
t.remove(2)
print(t.s, t.pop(), t.s)
try:
    t.remove(100)
except KeyError as e:
    print('KeyError', e)
t.clear()
try:
    t.pop()
except KeyError as e:
    print('KeyError', repr(e))
