# Statements separated by semicolons and evaluation order of assignment.
a = 1; b = 2; c = a + b; print(a, b, c)
def val(v):
    print("eval", v)
    return v
x = [0, 0, 0]
x[val(0)] = val(10)
print(x)
d = {}
d[val("k")] = val("v")
print(d)
p, q = val(1), val(2)
print(p, q)
i = 0
xs = [10, 20]
i, xs[i] = 1, 99
print(i, xs)
