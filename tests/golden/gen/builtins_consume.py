# Generators consumed by built-ins and statements.
def squares(n):
    for i in range(n):
        yield i * i

print(list(squares(5)), tuple(squares(3)))
print(sum(squares(4)), max(squares(4)), min(squares(4)))
print(sorted(squares(4), reverse=True))
print(list(zip(squares(3), "abc", squares(10))))
print(list(enumerate(squares(3), 1)))
print(list(map(str, squares(3))), list(filter(None, squares(3))))
print(any(squares(1)), any(squares(2)), all(squares(0)), all(squares(2)))
print(dict(zip("abc", squares(3))))
print(" ".join(map(str, squares(4))))
print(list(reversed(list(squares(3)))))
print(sorted(squares(3), key=lambda v: -v))

# The in operator stops at the first match.
def loud():
    for i in range(5):
        print("yield", i)
        yield i
print(2 in loud())

# Unpacking.
a, b = squares(2)
print(a, b)
try:
    a, b = squares(3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = squares(2)
except ValueError as e:
    print("ValueError:", e)

# for/else and nested loops over generators.
for v in squares(3):
    pass
else:
    print("else ran, last", v)
for i in squares(3):
    for j in squares(2):
        print(i, j, end="; ")
print()

# Two loops over one generator share its progress.
g = squares(6)
for v in g:
    if v == 4:
        break
print("rest:", list(g))

# Infinite generators with break.
def count_from(n):
    while True:
        yield n
        n += 1
for n in count_from(10):
    if n * n > 200:
        print("first square > 200:", n)
        break
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for f in fib():
    if f > 100:
        break
    out.append(f)
print(out)
g = fib()
print([next(g) for _ in range(10)])

# Generators as pipelines.
def take(n, it):
    for x in it:
        if n <= 0:
            return
        n -= 1
        yield x
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
print(list(take(5, evens(count_from(1)))))

# iter() and next() with generators; star-args.
print(next(iter(squares(3))))
print(*squares(4))
def star(*args):
    return args
print(star(*squares(3)))

# Generator methods and generator-returning methods of classes.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), sum(t), 3 in t)
