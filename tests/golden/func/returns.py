# return values: none, single, tuple, early return.
def none1():
    pass
def none2():
    return
def none3():
    return None
print(none1(), none2(), none3())
def pair():
    return 1, 2
print(pair(), type(pair()))
a, b = pair()
print(a, b)
def early(n):
    if n < 0:
        return "neg"
    for i in range(n):
        if i == 3:
            return "hit 3"
    return "loop done"
print(early(-1), early(10), early(2))
def nested_return():
    while True:
        while True:
            return "out of both loops"
print(nested_return())
def returns_func():
    def inner():
        return "inner result"
    return inner
print(returns_func()())
def multi():
    return [1, 2], {"k": 3}
l, d = multi()
print(l, d)
