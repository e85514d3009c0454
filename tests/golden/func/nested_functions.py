# Nested function definitions, helpers defined inside loops and conditionals.
def outer(n):
    def helper(x):
        return x * n
    def other(x):
        return helper(x) + 1
    return other(10)
print(outer(2), outer(3))
if True:
    def conditional():
        return "defined in if"
else:
    def conditional():
        return "never"
print(conditional())
makers = []
for k in range(3):
    def made(x, k=k):
        return x + k
    makers.append(made)
print(makers[0](100), makers[2](100))
def redefined():
    return 1
first = redefined
def redefined():
    return 2
print(first(), redefined())
def outer2():
    def inner():
        return inner_value
    inner_value = "assigned after inner was defined"
    return inner()
print(outer2())
def recursive_inner(n):
    def go(k):
        if k == 0:
            return []
        return [k] + go(k - 1)
    return go(n)
print(recursive_inner(5))
print(outer.__name__, outer2.__name__, (lambda: 0).__name__)
