# sorted and reversed.
print(sorted([3, 1, 2]), sorted("dcba"), sorted((5, -1, 3)))
print(sorted([3, 1, 2], reverse=True))
print(sorted(["banana", "Apple", "cherry"]), sorted(["banana", "Apple", "cherry"], key=lambda s: s.lower()))
words = ["bb", "a", "ccc", "dd", "e"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs))
print(sorted(pairs, key=lambda p: p[1]))
print(sorted({"b": 1, "a": 2, "c": 0}))
orig = [3, 2, 1]
s = sorted(orig)
print(orig, s)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
r = reversed([1, 2])
print(next(r), next(r), next(r, "end"))
print(sorted([1.5, -2, 0, 3]))
print(sorted([True, False, 0, 1]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
