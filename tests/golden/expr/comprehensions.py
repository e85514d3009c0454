# List and dict comprehensions, nested loops and conditions, scoping.
squares = [x * x for x in range(8)]
evens = [x for x in squares if x % 2 == 0]
pairs = [(i, j) for i in range(3) for j in range(i) if i + j > 1]
table = {w: len(w) for w in "the quick brown fox".split()}
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
flat = [v for row in matrix for v in row]
print(squares, evens, pairs, table, matrix, flat, sep="\n")

x = "outer"
result = [x for x in "ab"]
print(x, result)


def scale(k):
    return [k * v for v in range(4)]


print(scale(3))


class Config:
    names = ["a", "b"]
    upper = [n.upper() for n in names]


print(Config.upper)
print([len(s) for s in ["", "x", "xy"] if s], {k: v for k, v in [(1, 2), (3, 4)]})
