# list operators and comparisons, aliasing, nested lists.
a = [1, 2]
b = [3]
print(a + b, a * 2, 2 * b, [] * 5, [0] * 3)
print(a == [1, 2], a != [1, 2], a < [1, 3], [1, 2, 3] > [1, 2], [] < [0])
print([1, "a"] == [1, "a"], [[1]] == [[1]])
grid = [[0] * 3] * 2
grid[0][0] = 9
print(grid)
grid2 = []
for i in range(2):
    grid2.append([0] * 3)
grid2[0][0] = 9
print(grid2)
x = [1, 2, 3]
y = x
y.append(4)
print(x, x is y)
print(len([[], [], []]), [[]] * 2)
print(3 in [1, 2, 3], [3] in [1, 2, 3], [3] in [[3]])
print(list(reversed(x)), x[::-1])
n = [5, 3, 8]
n[1] += 10
print(n, sum(n), min(n), max(n))
print(sorted([[2, 1], [1, 2], [1, 1]]))
print([None] * 2, [1, [2, [3]]][1][1][0])
e = []
print(bool(e), e == [], len(e))
