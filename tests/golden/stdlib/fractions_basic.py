# fractions: construction, normalisation, repr/str, arithmetic types, hashing, rounding.
from fractions import Fraction
import math

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

print(Fraction(), Fraction(3), Fraction(6, 4), Fraction(-6, 4), Fraction(6, -4), Fraction(0, -5))
print(repr(Fraction(1, 2)), str(Fraction(1, 2)), str(Fraction(4, 2)))
for s in ['3/4', '1.25', '-2e-3', ' 7 ', '+5/10', '1_000/3', '.5', '1.', '1E3', '3.14e-2', '-0']:
    attempt(s, lambda: Fraction(s))
for s in ['', '1/', '/2', '1.5/2', 'abc', '1 /2', '.', 'inf', '1__0', '1/-2', '1e']:
    attempt(repr(s), lambda: Fraction(s))
for x in [0.5, 0.1, -1.75, 1e20, 2.0 ** -30]:
    print(x, repr(Fraction(x)), repr(Fraction.from_float(x)))
attempt('nan', lambda: Fraction(float('nan')))
attempt('inf', lambda: Fraction(float('inf')))
attempt('1/0', lambda: Fraction(1, 0))
attempt('1.5, 2', lambda: Fraction(1.5, 2))
attempt('list', lambda: Fraction([1]))
attempt('from_float str', lambda: Fraction.from_float('x'))
print(repr(Fraction(Fraction(1, 2), Fraction(1, 3))), repr(Fraction(True)), repr(Fraction(Fraction(3, 9))))
a, b = Fraction(1, 3), Fraction(1, 6)
for name, r in [('+', a + b), ('-', a - b), ('*', a * b), ('/', a / b), ('//', a // b), ('%', a % b),
                ('divmod', divmod(Fraction(7, 2), Fraction(2, 3))), ('**', a ** 3), ('**-2', a ** -2),
                ('neg**', Fraction(-2, 3) ** -3), ('abs', abs(Fraction(-3, 4))), ('neg', -a), ('pos', +a)]:
    print(name, repr(r), type(r).__name__)
for r in [a + 1, 1 + a, a * 2, 2 / a, 1 - a, a + 0.5, 0.5 + a, a * 1.5, a / 2.0, a ** 0.5, 4 ** Fraction(1, 2),
          2 ** Fraction(3), Fraction(1, 2) ** Fraction(1, 2), a // 0.1, 7 // a, 7 % a, 2.5 % a, a ** Fraction(2)]:
    print(repr(r), type(r).__name__)
attempt('a/0', lambda: a / 0)
attempt('a//0', lambda: a // 0)
attempt('a%0', lambda: a % 0)
attempt('0**-1', lambda: Fraction(0) ** -1)
attempt('a+str', lambda: a + 'x')
attempt('a<str', lambda: a < 'x')
print(a == Fraction(2, 6), a == 1/3, Fraction(1, 2) == 0.5, Fraction(2) == 2, Fraction(1, 2) != 0.5, a == 'x')
print(a < b, a > b, a <= 0.34, a >= 1, Fraction(1, 2) < float('inf'), Fraction(1, 2) < float('nan'), sorted([Fraction(1, 2), 0.25, 1, Fraction(-1, 3)]))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3), hash(Fraction(-1)), hash(Fraction(1, 3)), hash(Fraction(-7, 5)), hash(Fraction(2**70, 3)))
print({Fraction(1, 2): 'half', 0.5: 'x'}, len({Fraction(2), 2, 2.0}))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), math.trunc(Fraction(-7, 2)), int(Fraction(7, 2)), float(Fraction(1, 3)))
print([round(Fraction(n, 2)) for n in range(-5, 6)], round(Fraction(7, 3)), round(Fraction(-7, 3)))
print(repr(round(Fraction(22, 7), 2)), repr(round(Fraction(1234567, 10), -2)), repr(round(Fraction(1, 3), 0)))
print(Fraction(3.141592653589793).limit_denominator(10), Fraction(3.141592653589793).limit_denominator(100),
      Fraction(3.141592653589793).limit_denominator(), Fraction(1, 3).limit_denominator(5), Fraction(0.1).limit_denominator())
attempt('limit 0', lambda: Fraction(1, 3).limit_denominator(0))
f = Fraction(-10, 4)
print(f.numerator, f.denominator, f.as_integer_ratio(), f.real, f.imag, f.conjugate(), bool(f), bool(Fraction(0)))
print('%s and %r' % (f, f), format(f), f'{f}', f'{f!r}')
import copy
print(copy.copy(f), copy.deepcopy([f]))
class MyFrac(Fraction):
    pass
m = MyFrac(3, 6)
print(repr(m), isinstance(m, Fraction), repr(m + 1))
print(sum([Fraction(1, n) for n in range(1, 11)]), sum([Fraction(1, 3)] * 3), Fraction(10**30, 3 * 10**29))
