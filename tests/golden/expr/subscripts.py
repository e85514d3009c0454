# Indexing with positive and negative indices.
l = [10, 20, 30, 40, 50]
print(l[0], l[4], l[-1], l[-5], l[2])
t = ("a", "b", "c")
print(t[0], t[-1], t[1])
s = "python"
print(s[0], s[-1], s[3])
d = {"x": 1, 2: "two", (1, 2): "tuple key"}
print(d["x"], d[2], d[(1, 2)], d[1, 2])
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][2], m[-1][-1], m[0])
l[1] = 200
l[-1] = 500
print(l)
m[2][0] = 70
print(m)
r = range(10, 20)
print(r[0], r[-1], r[5])
i = 2
print(l[i - 1], l[i * 2], l[len(l) - 1])
print("abc"[1], ["x", "y"][True])
