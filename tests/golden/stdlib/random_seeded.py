# Seeded sequences of every random function must equal CPython's, value for value.
import random

def show(label, values):
    print(label, values)

for s in [0, 1, 42, -5, 12345678901, 4294967296, 4611686018427387904, -9223372036854775807 - 1,
          9223372036854775807, True, False]:
    random.seed(s)
    show("seed %r random" % (s,), [random.random() for i in range(3)])

random.seed(2024)
show("getrandbits", [random.getrandbits(k) for k in range(0, 64)])
show("randrange(10)", [random.randrange(10) for i in range(10)])
show("randrange(-50, 50)", [random.randrange(-50, 50) for i in range(10)])
show("randrange(0, 100, 7)", [random.randrange(0, 100, 7) for i in range(10)])
show("randrange(100, 0, -3)", [random.randrange(100, 0, -3) for i in range(10)])
show("randrange big", [random.randrange(9223372036854775807) for i in range(3)])
show("randrange neg big", [random.randrange(-2305843009213693952, 2305843009213693952) for i in range(3)])
show("randint(1, 6)", [random.randint(1, 6) for i in range(20)])
show("randint(-3, -3)", random.randint(-3, -3))
show("choice", [random.choice("abcdefg") for i in range(10)])
show("choice range", [random.choice(range(5, 500, 5)) for i in range(5)])
show("choice tuple", random.choice((1, 2.5, "x", None)))

items = list(range(20))
random.shuffle(items)
show("shuffle", items)
words = ["a", "b", "c"]
random.shuffle(words)
show("shuffle small", words)
empty = []
random.shuffle(empty)
show("shuffle empty", empty)

show("sample small", random.sample(range(10), 4))
show("sample all", random.sample(["x", "y", "z"], 3))
show("sample zero", random.sample([1, 2], 0))
show("sample large population", random.sample(range(1000), 10))
show("sample k>5 small population", random.sample(range(30), 8))
show("sample k>5 larger population", random.sample(range(200), 8))
show("sample str", random.sample("hello world", 5))
show("sample counts", random.sample(["red", "blue"], counts=[4, 2], k=5))
show("sample tuple", random.sample((10, 20, 30, 40), k=2))

show("choices", random.choices("abc", k=8))
show("choices default k", random.choices([1, 2, 3]))
show("choices weights", random.choices(["a", "b", "c"], [10, 1, 1], k=10))
show("choices float weights", random.choices(["a", "b", "c"], weights=[0.5, 0.25, 0.25], k=10))
show("choices cum_weights", random.choices(["a", "b", "c"], cum_weights=[1, 2, 10], k=10))
show("choices k=0", random.choices("abc", k=0))

show("uniform", [random.uniform(1, 10) for i in range(3)])
show("uniform reversed", random.uniform(10, 1))
show("triangular", [random.triangular() for i in range(3)])
show("triangular mode", [random.triangular(0, 10, 8) for i in range(3)])
show("triangular equal", random.triangular(5, 5))
show("gauss", [random.gauss() for i in range(5)])
show("gauss mu sigma", [random.gauss(100, 15) for i in range(3)])
show("normalvariate", [random.normalvariate(0, 1) for i in range(5)])
show("lognormvariate", [random.lognormvariate(0, 0.5) for i in range(3)])
show("expovariate", [random.expovariate(1.5) for i in range(5)])
show("vonmisesvariate", [random.vonmisesvariate(1.0, 4.0) for i in range(3)])
show("vonmisesvariate kappa 0", random.vonmisesvariate(1.0, 0))
show("gammavariate alpha>1", [random.gammavariate(2.5, 2.0) for i in range(3)])
show("gammavariate alpha=1", [random.gammavariate(1.0, 3.0) for i in range(3)])
show("gammavariate alpha<1", [random.gammavariate(0.5, 1.0) for i in range(3)])
show("betavariate", [random.betavariate(2.0, 5.0) for i in range(3)])
show("paretovariate", [random.paretovariate(3.0) for i in range(3)])
show("weibullvariate", [random.weibullvariate(1.0, 1.5) for i in range(3)])
