# Elements of user classes: __hash__/__eq__, raising and mutating comparisons; abc uses frozenset.
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v % 3
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __repr__(self): return 'K(%d)' % self.v
s = {K(1), K(4), K(7), K(1)}
print(len(s), K(4) in s, K(10) in s)
s.discard(K(4)); print(len(s), sorted([k.v for k in s]))
class Bad:
    def __hash__(self): return 1
    def __eq__(self, o): raise ValueError('boom')
b = {Bad()}
try:
    Bad() in b
except ValueError as e: print('ValueError', e)
class H:
    def __hash__(self): return 'x'
try: {H()}
except TypeError as e: print(e)
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @abc.abstractmethod
    def g(self): pass
print(A.__abstractmethods__ == frozenset({'f', 'g'}), type(A.__abstractmethods__).__name__)
try: A()
except TypeError as e: print(e)
s = set(range(10)); s2 = s.copy(); print(s2 == s, s2 is s)
print(set.union({1}, [2]), frozenset.union(frozenset(), [3]))
print({1,2}.__len__(), {1}.__contains__(1), frozenset([1]).__hash__() == hash(frozenset([1])))
print(set.__hash__ is None)
x = {1, 2, 3}
x -= x; print(x)
y = {1, 2}; y ^= y; print(y)
z = {1, 2}; z &= z; print(z)
z |= z; print(z)
print({1, 2}.intersection({1, 2}), {1}.union({1}))
print(hash(frozenset([frozenset([1, 2]), 3])))
print(sum(frozenset([1.5, 2.5])), sorted({3, 1}, key=lambda v: -v))
class Mut:
    def __init__(self, s): self.s = s
    def __hash__(self): return 0
    def __eq__(self, o):
        self.s.clear()
        return False
s = set()
m = Mut(s)
s.add(0)
s.add(m)
print(len(s))
t = {0}
print(Mut(t) in t, len(t))
