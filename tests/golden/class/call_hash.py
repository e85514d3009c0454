# __call__ and __hash__; objects as dict keys.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add5 = Adder(5)
print(add5(10), Adder(1)(1))
print(list(map(Adder(100), [1, 2, 3])))
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return "Key(" + str(self.k) + ")"
d = {}
d[Key(1)] = "one"
d[Key(2)] = "two"
d[Key(1)] = "uno"
print(len(d), d[Key(1)], d[Key(2)])
print(Key(2) in d, Key(3) in d)
print(d)
print(hash(Key(7)) == hash(7), hash(7), hash(0), hash(-5))
print(hash(None) == hash(None), hash(True), hash(False))
class Plain:
    pass
p = Plain()
d2 = {p: "identity key"}
print(d2[p])
print(hash(p) == hash(p))
