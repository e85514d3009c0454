# Calls with positional and keyword arguments.
def f(a, b, c=3, d=4):
    print("a=", a, "b=", b, "c=", c, "d=", d)
f(1, 2)
f(1, 2, 30)
f(1, 2, d=40)
f(b=2, a=1)
f(1, c=5, b=6)
f(1, 2, 3, 4)
f(d=1, c=2, b=3, a=4)
def g(x, y=[]):
    y.append(x)
    return y
print(g(1), g(2))
print(g(3, []))
def h(n=None):
    if n is None:
        n = 0
    return n + 1
print(h(), h(5), h(n=7))
print(max(3, 7, 1), min(4, 2, 8))
print("a", "b", sep="-", end="!\n")
def nested_call(x):
    return x * 2
print(nested_call(nested_call(nested_call(1))))
