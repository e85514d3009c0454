# N-queens: count solutions and print the first board for several sizes.
def solve(n):
    solutions = []
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    placement = []

    def place(row):
        if row == n:
            solutions.append(placement[:])
            return
        for c in range(n):
            if cols[c] or diag1[row + c] or diag2[row - c + n]:
                continue
            cols[c] = diag1[row + c] = diag2[row - c + n] = True
            placement.append(c)
            place(row + 1)
            placement.pop()
            cols[c] = diag1[row + c] = diag2[row - c + n] = False

    place(0)
    return solutions

def board(sol):
    lines = []
    for c in sol:
        row = ""
        for i in range(len(sol)):
            row += "Q " if i == c else ". "
        lines.append(row.rstrip())
    return "\n".join(lines)

for n in range(1, 9):
    sols = solve(n)
    print("n =", n, "solutions:", len(sols))
    if sols:
        print("first:", sols[0])
        if n in (4, 6):
            print(board(sols[0]))
print(board(solve(8)[-1]))
