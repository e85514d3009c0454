"""Spectral norm: the largest singular value of the infinite matrix
A(i, j) = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), estimated on its top-left n x n corner
by ten rounds of power iteration on A^T A.

Exercises float arithmetic, nested loops over range(), list indexing, small function calls
and local-variable access. The size is fixed at n = 100, computed REPEAT times from
scratch; the result must match the published value for n = 100 (1.274219991) to nine digits.
"""

N = 100
REPEAT = 3
EXPECTED = "1.274219991"


def a(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times_a(u, out):
    n = len(u)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(i, j) * u[j]
        out[i] = total


def times_at(u, out):
    n = len(u)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(j, i) * u[j]
        out[i] = total


def times_at_a(u, out, tmp):
    times_a(u, tmp)
    times_at(tmp, out)


def spectral_norm(n):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        times_at_a(u, v, tmp)
        times_at_a(v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return (vbv / vv) ** 0.5


results = []
for _ in range(REPEAT):
    results.append(spectral_norm(N))
for r in results:
    if r != results[0]:
        raise AssertionError("runs disagree: %r" % results)
text = "%.9f" % results[0]
if text != EXPECTED:
    raise AssertionError("spectral norm %s, expected %s" % (text, EXPECTED))
print("spectral_norm", N, text)
