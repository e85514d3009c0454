# eval(): expressions with the caller's namespaces or given dicts.
x = 10
print(eval("x + 1"))
print(eval("  \t x * 2"))
print(eval("y", {"y": 5}))
print(eval("a + b", {"a": 1}, {"b": 2}))
print(eval(b"1 + 2"))


def f(n):
    m = n * 3
    return eval("n + m")


print(f(2))
g = {}
print(eval("len([1, 2, 3])", g))
print(type(g["__builtins__"]).__name__, list(g))
print(eval("__name__"))
print(eval("[i * i for i in range(4)]"))
print(eval("lambda q: q + x")(5))
