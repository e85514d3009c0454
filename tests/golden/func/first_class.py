# Functions are first-class values.
def double(x):
    return x * 2
def apply(f, v):
    return f(v)
print(apply(double, 21))
print(apply(len, "four"))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print(ops["add"](2, 3), ops["mul"](2, 3))
fns = [double, abs, str]
for fn in fns:
    print(fn(-4))
print(double.__name__)
alias = double
print(alias(5), alias is double)
def twice(f):
    def g(x):
        return f(f(x))
    return g
quad = twice(double)
print(quad(3))
print(twice(twice(double))(1))
print(list(map(double, [1, 2, 3])))
print(type(double), type(print))
def pipeline(value, funcs):
    for f in funcs:
        value = f(value)
    return value
print(pipeline(" Hello ", [lambda s: s.strip(), lambda s: s.upper(), len]))
