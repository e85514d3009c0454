# Generator expressions.
g = (x * 2 for x in range(4))
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g), list(g), list(g))

# Nested for and if clauses.
print(list((x, y) for x in range(3) for y in range(x) if (x + y) % 2))
print(list(c for word in ["ab", "", "cd"] if word for c in word if c != "c"))

# A sole argument needs no extra parentheses.
print(sum(x * x for x in range(10)))
print(max(len(w) for w in "the quick brown fox".split()))
print("-".join(str(i) for i in range(5)))
print(sorted((x % 3, x) for x in range(6)))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
print(dict((k, k * k) for k in range(3)))
print(tuple(str(x) for x in [1, 2]), list(zip((a for a in "ab"), (b for b in "xyz"))))
print(min((abs(x - 5), x) for x in [1, 9, 4, 7]))

# Laziness: the element is computed on demand.
def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i
lazy = (v * 10 for v in noisy(3))
print("nothing produced yet")
print(next(lazy))
print(next(lazy))

# The first iterable is evaluated immediately, in the enclosing scope.
def source():
    print("source evaluated")
    return [1, 2]
g = (x for x in source())
print("after creating")
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
# Later iterables are evaluated lazily, inside the generator.
g = (x for x in [1] for y in undefined_name)
print("no error yet")
try:
    list(g)
except NameError as e:
    print("NameError:", e)

# Scoping: the loop variable does not leak; closures see the enclosing scope.
x = "outer x"
print(list(x for x in range(2)), x)
def scope():
    n = 10
    return (n + i for i in range(3))
print(list(scope()))
class K:
    items = [1, 2]
    doubled = list(i * 2 for i in items)
print(K.doubled)
# Late binding of free variables.
m = 1
g = (m * i for i in range(3))
m = 100
print(list(g))

# Nested generator expressions.
rows = ((r * 3 + c for c in range(3)) for r in range(3))
print([list(row) for row in rows])
print(list(sum(1 for _ in range(k)) for k in range(4)))

# Genexps with send/close like any generator.
g = (i for i in range(3))
print(g.send(None), g.close(), list(g))
try:
    (i for i in range(3)).send(1)
except TypeError as e:
    print("TypeError:", e)

# A generator expression consuming a generator.
def naturals():
    n = 0
    while True:
        yield n
        n += 1
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(5)])

# Unpacking and the in operator consume them.
a, b, c = (i for i in "xyz")
print(a, b, c)
print(2 in (i for i in range(5)), 9 in (i for i in range(5)))
first, *rest = (i * i for i in range(5))
print(first, rest)
print([*(i for i in range(3)), *(j for j in "ab")])
