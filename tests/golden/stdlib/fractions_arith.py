# fractions: generated arithmetic over signed operands; exact results must equal CPython's.
from fractions import Fraction as F

seed = 2024
def rnd(k):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 20) % k

vals = []
for _ in range(24):
    n = rnd(2001) - 1000
    d = rnd(60) + 1
    if rnd(4) == 0:
        n *= 10**rnd(30)
    vals.append(F(n, d))
vals += [F(0), F(1), F(-1), F(2, 4), F(10**40, 3**50)]
for i, a in enumerate(vals):
    b = vals[(i * 7 + 3) % len(vals)]
    c = vals[(i * 5 + 1) % len(vals)]
    row = [a + b, a - b, a * b, a + b - c, (a * b) * c]
    if b:
        row += [a / b, a // b, a % b]
    row += [a ** 2, a ** -1 if a else None, a < b, a == c, hash(a), round(a, 2), a.limit_denominator(7)]
    print(i, row)
h = F(0)
for k in range(1, 200):
    h += F(1, k) if k % 3 else -F(1, k)
print(h.numerator % 10**12, h.denominator % 10**12, h.numerator.bit_length())
p = F(1)
for k in range(1, 60):
    p *= F(k + 1, k + 2)
    p /= F(2 * k - 1, 3 * k)
print(p)
