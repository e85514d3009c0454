# Lambda expressions.
sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=5, a=1))
const = lambda: 42
print(const())
print((lambda x, y: x - y)(10, 3))
def make(n):
    return lambda x: x + n
inc = make(1)
dec = make(-1)
print(inc(5), dec(5))
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i * 10)
for f in funcs:
    print(f())
late = []
for i in range(3):
    late.append(lambda: i)
for f in late:
    print(f())
print(sorted([3, -1, 2], key=lambda v: -v))
print(type(sq).__name__)
nested = lambda x: lambda y: x * y
print(nested(3)(4))
print((lambda: None)())
