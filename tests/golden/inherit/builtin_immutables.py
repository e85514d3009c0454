# Subclasses of tuple, str, int, float and bytes, with __new__ and super().__new__.
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
    def __repr__(self):
        return "Pair" + super().__repr__()

p = Pair(1, 2)
print(p, p.first, len(p), p[1], list(p), isinstance(p, tuple))
print(p == (1, 2), hash(p) == hash((1, 2)), {p: "x"}[(1, 2)])
a, b = p
print(a, b, p + (3,), type(p + (3,)).__name__)

class Name(str):
    def shout(self):
        return self.upper() + "!"

n = Name("bob")
print(n, repr(n), n.shout(), len(n), n + "by", type(n + "by").__name__)
print(n == "bob", hash(n) == hash("bob"), {"bob": 1}[n], isinstance(n, str))
print(n.startswith("b"), n[1:], f"<{n}>", "%s" % n)

class Money(int):
    def __repr__(self):
        return "Money(" + str(int(self)) + ")"
    def __add__(self, other):
        return Money(int(self) + int(other))

m = Money(5)
print(m, repr(m), m + 3, type(m + 3).__name__, m * 2, type(m * 2).__name__)
print(m == 5, m < 6, hash(m) == hash(5), isinstance(m, int), int(m), -m, m // 2)
print([10, 20, 30, 40, 50, 60][m], range(m)[-1])
m.note = "attr"
print(m.note)

class Celsius(float):
    def __new__(cls, value):
        return super().__new__(cls, value)
    def fahrenheit(self):
        return self * 9 / 5 + 32

c = Celsius(100)
print(c, c.fahrenheit(), c + 1, type(c + 1).__name__, isinstance(c, float), c > 50)

class Blob(bytes):
    def hexed(self):
        return self.hex()

bl = Blob(b"ab")
print(bl, bl.hexed(), len(bl), bl == b"ab", isinstance(bl, bytes))

class Bare(object):
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.args = args
        return inst

print(Bare(1, 2).args)
