# Higher-order functions built by hand: reduce, compose, memoize, partial.
def my_reduce(f, items, initial):
    acc = initial
    for x in items:
        acc = f(acc, x)
    return acc
print(my_reduce(lambda a, b: a + b, [1, 2, 3, 4], 0))
print(my_reduce(lambda a, b: a * b, range(1, 8), 1))
print(my_reduce(lambda a, b: b + a, "abc", ""))
def compose_all(funcs):
    def run(x):
        for f in reversed(funcs):
            x = f(x)
        return x
    return run
f = compose_all([str, lambda x: x * 2, abs])
print(repr(f(-21)))
def memoize(fn):
    cache = {}
    calls = [0]
    def wrapper(n):
        if n not in cache:
            calls[0] += 1
            cache[n] = fn(n)
        return cache[n]
    return wrapper, calls
def slow_square(n):
    return n * n
fast, calls = memoize(slow_square)
for v in [2, 3, 2, 2, 3, 4]:
    print(fast(v), end=" ")
print("calls:", calls[0])
def partial(fn, first):
    def bound(second):
        return fn(first, second)
    return bound
pow2 = partial(pow, 2)
print(pow2(10), partial(max, 5)(3), partial(lambda a, b: a - b, 10)(4))
def count_if(pred, items):
    n = 0
    for x in items:
        if pred(x):
            n += 1
    return n
print(count_if(lambda s: s.isupper(), ["A", "b", "C", "dd", "EE"]))
print(sorted(["b", "A", "c"], key=lambda s: s.lower()))
