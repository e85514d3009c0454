# UnboundLocalError.
x = 10
def f():
    print(x)
    x = 5
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def g(flag):
    if flag:
        y = 1
    return y
print(g(True))
try:
    g(False)
except UnboundLocalError as e:
    print(e)
except NameError as e:
    print("not expected")
def h():
    z = 1
    del z
    return z
try:
    h()
except NameError as e:
    print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError))
def counter():
    count = 0
    def inc():
        count += 1
        return count
    return inc
try:
    counter()()
except UnboundLocalError as e:
    print(e)
