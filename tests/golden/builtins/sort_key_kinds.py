# Sorting keys all of one plain kind (ints, exact strs) takes a direct comparison; mixed and
# subclassed keys take the general one. Both must order as CPython does.
print(sorted(["b", "a", "é", "z", "€", "ab", "", "\U0001f600", "Z"]))
print(sorted([3, -1, 2**62, -2**63, 0, 5]), sorted([3, True, 1, 2.5]), sorted([2**70, 1, -2**70]))
print(sorted(["b", "a", "c"], reverse=True), sorted([(1, "a"), (0, "b")]))
class S(str): pass
print(sorted([S("b"), "a", S("c")]))
print(sorted(range(10), key=lambda i: -i))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
