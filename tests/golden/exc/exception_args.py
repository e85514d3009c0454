# Exception objects: args, str, repr.
e = ValueError("bad value", 42)
print(e.args, str(e), repr(e))
e1 = ValueError("single")
print(e1.args, str(e1), repr(e1))
e0 = ValueError()
print(e0.args, repr(str(e0)), repr(e0))
k = KeyError("key")
print(str(k), repr(k), k.args)
k2 = KeyError(3)
print(str(k2))
try:
    {}["missing key"]
except KeyError as err:
    print(err, err.args)
try:
    raise RuntimeError("with", "several", "args")
except RuntimeError as err:
    print(err)
    print(err.args[1])
class MyError(Exception):
    pass
m = MyError("custom message")
print(m, repr(m), m.args, isinstance(m, Exception))
try:
    raise MyError("raised", 1)
except MyError as err:
    print(type(err).__name__, err)
try:
    int("x1")
except ValueError as err:
    print(err.args)
print(repr(ZeroDivisionError("division by zero")))
print(StopIteration(7).args, StopIteration(7).value)
