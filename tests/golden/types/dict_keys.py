# Hashable keys of various types; unhashable keys.
d = {}
d[1] = "int"
d[2.5] = "float"
d["s"] = "str"
d[(1, 2)] = "tuple"
d[None] = "none"
d[True] = "true overrides 1"
print(d)
print(d[1], d[True], d[2.5], d[(1, 2)], d[None])
try:
    d[[1]] = "list"
except TypeError as e:
    print(e)
try:
    {}[{}]
except TypeError as e:
    print(e)
try:
    print(d["missing"])
except KeyError as e:
    print("KeyError:", e)
d2 = {0: "zero"}
print(d2[0.0], d2[False])
print(((1, 2) in d), ([1, 2] == [1, 2]))
