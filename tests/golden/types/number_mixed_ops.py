# + - * / between ints and floats, float / float, and int / int (true division), with the
# rounding of big ints, the exact-double boundary 2**53, zeros of both signs, inf and nan, in
# expressions and augmented assignments, in a function and at module level.
import math

INTS = [0, 1, -1, 3, -7, 10, 2**31, 2**53 - 1, 2**53, 2**53 + 1, -(2**53) - 1, 2**62 + 1, 2**63 - 1, -(2**63)]
FLOATS = [0.0, -0.0, 0.5, -2.25, 1e-300, 3.0, 1e300, 2.0**53, math.inf, -math.inf, math.nan]


def show(x):
    # repr for floats (nan and the sign of zero visible), repr for ints.
    return repr(x)


def mixed(ints, floats):
    rows = []
    for i in ints:
        for f in floats:
            row = [i + f, f + i, i - f, f - i, i * f, f * i]
            for a, b in ((i, f), (f, i)):
                try:
                    row.append(a / b)
                except ZeroDivisionError as e:
                    row.append("ZeroDivisionError: %s" % e)
            rows.append(" ".join(show(x) for x in row))
    return rows


def divisions(values):
    # Every a / b over the values: int / int (true division) or float / float.
    rows = []
    for a in values:
        for b in values:
            try:
                rows.append(show(a / b))
            except ZeroDivisionError as e:
                rows.append("ZeroDivisionError: %s" % e)
    return rows


def augmented():
    x = 3
    x += 0.5
    y = 2.5
    y *= 4
    z = 7
    z /= 2
    w = 1.0
    w -= 3
    v = 10
    v /= 5
    return x, y, z, w, v, type(v).__name__


for line in mixed(INTS, FLOATS):
    print(line)
for line in divisions(INTS) + divisions(FLOATS):
    print(line)
print(augmented())
a = 7
b = 2.0
print(a + b, a - b, a * b, a / b, b / a, a / 2, -a / 2, 1 / 3, 2**53 / 3, (2**53 + 1) / 3)
print(True + 0.5, 0.5 * False, True / 2)
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0), (-0.0, 0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
