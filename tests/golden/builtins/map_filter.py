# map and filter.
print(list(map(lambda x: x * x, [1, 2, 3])))
print(list(map(str, [1, 2, 3])))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
print(list(map(int, "123")))
print(list(filter(lambda x: x % 2 == 0, range(10))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
m = map(lambda x: x + 1, [1, 2])
print(next(m), next(m), next(m, "exhausted"))
def loud(x):
    print("mapping", x)
    return x
m2 = map(loud, [1, 2, 3])
print("map is lazy")
print(next(m2))
print(list(m2))
print(sum(map(len, ["ab", "cde"])))
print(sorted(filter(lambda s: s.startswith("a"), ["apple", "banana", "avocado"])))
