# hash of small ints/None/bool; id identity comparisons.
print(hash(0), hash(1), hash(-1), hash(42), hash(True), hash(False))
print(hash(None) == hash(None))
print(hash(1) == hash(1.0), hash(0) == hash(False))
print(hash((1, 2)) == hash((1, 2)))
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c))
x = None
print(id(x) == id(None))
try:
    hash([1, 2])
except TypeError as e:
    print(e)
try:
    hash({})
except TypeError as e:
    print(e)
d = {1: "int one"}
d[1.0] = "float one"
d[True] = "bool one"
print(d)
