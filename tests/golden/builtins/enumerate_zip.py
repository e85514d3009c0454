# enumerate and zip.
for i, c in enumerate("abc"):
    print(i, c)
for i, c in enumerate(["x", "y"], 1):
    print(i, c)
print(list(enumerate([10, 20], start=5)))
print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3], [4, 5])))
print(list(zip()))
print(list(zip([1], [2], [3])))
names = ["ann", "bob"]
ages = [30, 40]
d = dict(zip(names, ages))
print(d)
for n, a in zip(names, ages):
    print(n, a)
e = enumerate("hi")
print(next(e), next(e))
z = zip("ab", "cd")
print(next(z))
print(list(z))
for i, (a, b) in enumerate(zip("xy", "XY")):
    print(i, a, b)
