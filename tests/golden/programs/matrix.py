# Matrix operations with nested lists.
def zeros(r, c):
    m = []
    for i in range(r):
        m.append([0] * c)
    return m

def identity(n):
    m = zeros(n, n)
    for i in range(n):
        m[i][i] = 1
    return m

def mul(a, b):
    r = zeros(len(a), len(b[0]))
    for i in range(len(a)):
        for j in range(len(b[0])):
            s = 0
            for k in range(len(b)):
                s += a[i][k] * b[k][j]
            r[i][j] = s
    return r

def transpose(m):
    t = zeros(len(m[0]), len(m))
    for i in range(len(m)):
        for j in range(len(m[0])):
            t[j][i] = m[i][j]
    return t

def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    total = 0
    for c in range(len(m)):
        minor = []
        for row in m[1:]:
            minor.append(row[:c] + row[c + 1:])
        sign = 1 if c % 2 == 0 else -1
        total += sign * m[0][c] * det(minor)
    return total

def show(m):
    for row in m:
        print(" ".join(map(str, row)))

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(mul(a, b))
show(transpose(a))
print(mul(identity(3), b) == b)
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[1, 2], [3, 4]]), det(identity(4)))
fib = [[1, 1], [1, 0]]
p = identity(2)
for i in range(30):
    p = mul(p, fib)
print("fib(30) via matrix:", p[0][1])
m = [[1.5, 2.0], [0.5, -1.0]]
show(mul(m, m))
spiral = zeros(4, 4)
r, c, dr, dc = 0, 0, 0, 1
for v in range(1, 17):
    spiral[r][c] = v
    nr, nc = r + dr, c + dc
    if not (0 <= nr < 4 and 0 <= nc < 4) or spiral[nr][nc] != 0:
        dr, dc = dc, -dr
        nr, nc = r + dr, c + dc
    r, c = nr, nc
show(spiral)
