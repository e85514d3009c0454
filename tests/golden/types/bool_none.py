# bool and None behaviour.
print(True, False, None)
print(True + True, True * 5, -True, True / 2, True // 1)
print(str(True), repr(False), str(None), repr(None))
print(type(True), type(None))
print(bool(0), bool(0.0), bool(""), bool([]), bool(()), bool({}), bool(None), bool(range(0)))
print(bool(1), bool(-0.1), bool("0"), bool([0]), bool((None,)), bool({0: 0}))
print(None == False, None is None, not None)
def f():
    pass
print(f() is None)
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool))
print(max(True, 2), sum([True, True, False]))
print([True, False] == [1, 0])
print(True and "x", False or "y")
print(str(True).upper(), len(str(False)))
