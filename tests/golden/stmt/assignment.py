# Assignment to names, attributes and subscripts; chained assignment.
a = 1
b = a
a = 2
print(a, b)
x = y = z = 0
print(x, y, z)
l = m = []
l.append(1)
print(l, m, l is m)
class Box:
    pass
box = Box()
box.value = 5
box.value = box.value + 1
print(box.value)
d = {}
d["k"] = "v"
d["k"] = d["k"] * 3
d[1] = d.get(1, 0) + 1
print(d)
grid = [[0, 0], [0, 0]]
grid[0][1] = 5
grid[1] = [7, 8]
print(grid)
box.items = [1, 2, 3]
box.items[0] = 100
print(box.items)
i = 0
l2 = [10, 20, 30]
i = l2[i] = 1
print(i, l2)
