# % // & | ^ << >> on ints at the edges: signs, zero, -1, the ends of 64 bits and shift counts
# around 63, in expressions and augmented assignments, at module level and in a function
# (whose locals take the interpreter's inline paths), with the errors they raise.

BIG = 2**63 - 1
SMALL = -(2**63)
VALUES = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 255, -256, 2**31, -(2**31), 2**62, -(2**62),
          BIG, SMALL, BIG - 1, SMALL + 1, 2**64, -(2**64)]
SHIFTS = [0, 1, 2, 31, 32, 61, 62, 63, 64, 65, 100]


def arithmetic(values):
    rows = []
    for a in values:
        for b in values:
            if b == 0:
                continue
            rows.append((a % b, a // b, divmod(a, b) == (a // b, a % b)))
    return rows


def bitwise(values):
    rows = []
    for a in values:
        for b in values:
            rows.append((a & b, a | b, a ^ b))
    return rows


def shifts(values):
    rows = []
    for a in values:
        for n in SHIFTS:
            rows.append((a << n, a >> n))
    return rows


def augmented(a, b):
    x = a
    x %= b
    y = a
    y //= b
    z = a
    z &= b
    z |= 12
    z ^= a
    w = a
    w <<= 3
    w >>= 2
    return x, y, z, w


def laws(values):
    # a == (a // b) * b + a % b, and the remainder takes the divisor's sign.
    for a in values:
        for b in values:
            if b == 0:
                continue
            q, r = a // b, a % b
            assert q * b + r == a, (a, b)
            assert r == 0 or (r > 0) == (b > 0), (a, b)
    return "laws hold"


for name, fn in [("arithmetic", arithmetic), ("bitwise", bitwise), ("shifts", shifts)]:
    rows = fn(VALUES)
    print(name, len(rows))
    for row in rows:
        print(*row)
print(laws(VALUES))
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (BIG, 2), (SMALL, 3), (SMALL, -1), (SMALL, 7)]:
    print(a, b, augmented(a, b))

# At module level too (names, not locals).
a = -17
b = 5
print(a % b, a // b, a & b, a | b, a ^ b, a << b, a >> b)
a = SMALL
b = -1
print(a % b, a // b, a * b, -a)

for a, b, op in [(1, 0, "%"), (1, 0, "//"), (-1, 0, "%"), (1, -1, "<<"), (1, -1, ">>"), (SMALL, -5, ">>")]:
    try:
        print(eval("a %s b" % op, {"a": a, "b": b}))
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
x = 5
try:
    x %= 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    x <<= -2
except ValueError as e:
    print("ValueError", e)
print(True % 2, True // 1, True & 3, False | 2, True ^ True, True << 3, True >> 1)
