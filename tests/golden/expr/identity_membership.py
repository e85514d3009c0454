# is, is not, in, not in.
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, a is not c)
print(None is None, None is not None)
x = None
print(x is None, x is not None)
print(True is True, False is not True)
print(2 in a, 5 in a, 5 not in a, not 5 in a)
print("ell" in "hello", "xyz" in "hello", "" in "abc")
print("k" in {"k": 1}, 1 in {"k": 1}, "v" not in {"k": "v"})
print(3 in (1, 2, 3), 3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print([1, 2] in [[1, 2], [3]], (1,) in [(1,), 2])
print(1.0 in [1, 2], True in [1])
print(id(a) == id(b), id(a) == id(c))
