# len, type, isinstance, issubclass.
print(len("hello"), len([1, 2]), len((1,)), len({"a": 1, "b": 2}), len(range(10)), len(""))
print(len(range(3, 20, 4)), len(range(10, 0)), len(range(10, 0, -3)))
for v in [1, 1.5, "s", True, None, [1], (1,), {"a": 1}, range(1), len]:
    print(type(v), type(v).__name__)
print(type(type(1)))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, float))
print(isinstance("s", str), isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance(1, (str, int)), isinstance(1, (str, float)))
print(isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object))
print(type(1) == int, type(True) == int, type(True) == bool)
class A:
    pass
class B(A):
    pass
print(isinstance(B(), A), isinstance(A(), B), type(B()) == A)
print(type(A), type(A()).__name__)
