# Counting the solutions of the n-queens problem by backtracking over lists.


def solve(n, row, cols, diag1, diag2):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if cols[c] or diag1[row + c] or diag2[row - c + n - 1]:
            continue
        cols[c] = True
        diag1[row + c] = True
        diag2[row - c + n - 1] = True
        count += solve(n, row + 1, cols, diag1, diag2)
        cols[c] = False
        diag1[row + c] = False
        diag2[row - c + n - 1] = False
    return count


def queens(n):
    cols = [False] * n
    diag1 = [False] * (2 * n - 1)
    diag2 = [False] * (2 * n - 1)
    return solve(n, 0, cols, diag1, diag2)


results = []
total = 0
for rep in range(9):
    results = []
    for n in range(4, 11):
        results.append(queens(n))
        total += results[-1]
print("nqueens", results, total)
