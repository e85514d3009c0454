# Instances, str/float seeds, and getstate/setstate of random must behave as CPython's.
import random

# str seeds use version 2 (SHA-512 of the UTF-8 bytes appended to them).
for s in ["", "a", "hello", "The quick brown fox jumps over the lazy dog", "h\u00e9llo \u4e16\u754c",
          "x" * 200]:
    random.seed(s)
    print("seed %r" % s, random.random(), random.randrange(1000))

# float seeds go through hash().
for f in [0.0, 1.5, -2.25, 3.141592653589793, 1e300, float("inf")]:
    random.seed(f)
    print("seed %r" % f, random.random())

# A seed is a seed: int 3 and float 3.0 hash alike, so they give the same sequence.
random.seed(3)
a = random.random()
random.seed(3.0)
print("3 and 3.0 agree:", a == random.random())

# Separate instances do not share state.
r1 = random.Random(99)
r2 = random.Random(99)
print(r1.random() == r2.random(), r1.randint(1, 100), r2.randint(1, 100))
r1.random()
print(r1.random() == r2.random())
r3 = random.Random("seed string")
print(r3.choice(["a", "b", "c", "d"]), r3.sample(range(50), 3))
r3.seed(7)
print(r3.random())

# getstate/setstate round trip, including the pending gauss value.
r = random.Random(5)
r.gauss()
state = r.getstate()
print(state[0], len(state[1]), state[1][-1], type(state[2]).__name__)
first = [r.random() for i in range(3)] + [r.gauss()]
r.setstate(state)
second = [r.random() for i in range(3)] + [r.gauss()]
print(first == second, first)
print(state[1][:4])

# The module-level functions share a hidden instance; its state can be saved too.
random.seed(11)
saved = random.getstate()
x = random.random()
random.setstate(saved)
print(x == random.random())

# A fresh generator seeded from the OS gives values in range (not printed: they vary).
fresh = random.Random()
v = fresh.random()
print(0.0 <= v < 1.0, 0 <= fresh.randrange(10) < 10)
random.seed()
print(0.0 <= random.random() < 1.0)

# Subclasses can replace the core generator; the rest follows.
class Fixed(random.Random):
    def random(self):
        return 0.5

f = Fixed(1)
print(f.random(), f.uniform(0, 10), f.choices("abcd", k=3), f.triangular())

class Counting(random.Random):
    def __init__(self, seed):
        self.calls = 0
        super().__init__(seed)

    def getrandbits(self, k):
        self.calls += 1
        return super().getrandbits(k)

c = Counting(8)
print(c.randrange(1000), c.randrange(1000), c.calls > 0)
print(random.Random(8).randrange(1000))

# version=1 seeding of str (Python 2's string hash) is still supported by CPython 3.11.
for s in ["", "a", "hello", "h\u00e9llo \u4e16\u754c", "seed" * 50]:
    random.seed(s, version=1)
    print("v1 %r" % s[:10], random.random(), random.randrange(100))
random.seed(12, version=1)
print("v1 int", random.random())

# A subclass that supplies only random() gets integers derived from random(), not getrandbits.
class OnlyRandom(random.Random):
    def __init__(self):
        super().__init__(0)
        self.n = 0

    def random(self):
        self.n += 1
        return (self.n * 0.137) % 1.0

o = OnlyRandom()
print("only random()", [o.randrange(10) for i in range(8)], o.choice("abcdef"), o.sample(range(20), 3))
items = list(range(8))
o.shuffle(items)
print(items)

class BitsAgain(OnlyRandom):
    def getrandbits(self, k):
        return super().getrandbits(k)

b = BitsAgain()
print("getrandbits again", [b.randrange(10) for i in range(5)], b.n)

# A subclass whose __init__ skips Random.__init__ still has a working generator.
class NoSuper(random.Random):
    def __init__(self, label):
        self.label = label

ns = NoSuper("x")
ns.seed(21)
print(ns.label, ns.random(), ns.randint(1, 9))
