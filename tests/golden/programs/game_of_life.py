# Conway's game of life on a small toroidal grid.
W = 10
H = 8
def parse(rows):
    g = []
    for row in rows:
        line = []
        for ch in row:
            line.append(ch == "#")
        g.append(line)
    return g

def step(g):
    new = []
    for y in range(H):
        row = []
        for x in range(W):
            n = 0
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if dy == 0 and dx == 0:
                        continue
                    if g[(y + dy) % H][(x + dx) % W]:
                        n += 1
            row.append(n == 3 or (g[y][x] and n == 2))
        new.append(row)
    return new

def render(g):
    out = []
    for row in g:
        s = ""
        for cell in row:
            s += "#" if cell else "."
        out.append(s)
    return "\n".join(out)

def population(g):
    total = 0
    for row in g:
        for cell in row:
            if cell:
                total += 1
    return total

grid = parse([
    ".#........",
    "..#.......",
    "###.......",
    "..........",
    "......###.",
    "..........",
    "..........",
    "..........",
])
for gen in range(5):
    print("generation", gen, "population", population(grid))
    print(render(grid))
    grid = step(grid)
seen = {}
g = grid
for i in range(40):
    key = render(g)
    if key in seen:
        print("cycle: generation", i + 5, "repeats generation", seen[key] + 5)
        break
    seen[key] = i
    g = step(g)
else:
    print("no cycle within 40 generations, population", population(g))
