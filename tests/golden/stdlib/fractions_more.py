# fractions: more parsing, mixed-type operators, powers and rounding edge cases.
from fractions import Fraction as F
import math

def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r), type(r).__name__)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

for s in ['\t1/2\n', '1e-30', '-.5', '1_2.3_4e1_0', '+0.000', '10/4', '  -7  ', '0/5', '1/0', '3.', '5e+2', '1.2.3', '1e2.5', '_1', '1_', '1/2/3']:
    attempt(repr(s), lambda: F(s))
attempt('neg zero', lambda: F(-0.0))
attempt('bool pair', lambda: F(True, 2))
attempt('frac pair', lambda: F(F(1, 2), 3))
attempt('int pair neg', lambda: F(-4, -6))
for b, e in [(F(2, 3), -2), (F(-2, 3), 3), (F(-2, 3), -2), (F(4, 9), F(1, 2)), (2, F(-2)), (2, F(1, 2)),
             (1.5, F(2)), (F(1, 2), 2.0), (F(0), 0), (0, F(0)), (F(2), 100)]:
    attempt('%r ** %r' % (b, e), lambda: b ** e)
for x in [F(5, 2), F(7, 2), F(-5, 2), F(1, 4), F(12345, 100), F(-12345, 100)]:
    print(x, round(x), round(x, 0), round(x, 1), round(x, -1), round(x, None), math.floor(x), math.ceil(x), int(x))
print(min(F(1, 3), 0.3, F(1, 4)), max([F(2), 1.5, 3]), sum([F(1, 2), 0.5]), sum([F(1, 2), 1]))
print(F(1, 2) < True, F(1) == True, F(3, 2) > 1, 2 > F(3, 2), 0.5 <= F(1, 2), F(1, 3) != F(2, 6))
print(divmod(F(7, 2), 2), divmod(7, F(3, 2)), divmod(F(-7, 2), F(2, 3)), divmod(F(7, 2), 1.5), F(-7, 2) % 3, -7 % F(3, 2), F(7, 2) // -2)
print(F(10**50 + 1, 10**49), float(F(10**400, 10**399 * 3)), float(F(1, 10**400)), F(2**-1074), F(1.7976931348623157e308).denominator)
print(F(3, 7).limit_denominator(1), F(-22, 7).limit_denominator(3), F(math.pi).limit_denominator(1000), F(math.e).limit_denominator(30))
print([hash(F(n, d)) == hash(n / d) for n, d in [(1, 4), (-3, 8), (5, 1), (7, 16), (1, 3)]], hash(F(1, 3)) == hash(1 / 3))
print(F(1, 3).__floor__(), F(1, 3).__ceil__(), F(5, 2).__round__(), F(5, 2).__round__(1))
print(F(7, 3).numerator.bit_length(), F(1, 2) + True, True + F(1, 2), F(1, 2) * False)
attempt('float(F(huge))', lambda: float(F(10**400)))
attempt('F < None', lambda: F(1) < None)
attempt('F == None', lambda: F(1) == None)
attempt('F ** str', lambda: F(1) ** 'x')
attempt('str ** F', lambda: 'x' ** F(1, 2))
attempt('from_decimal-like', lambda: F.from_float(3))
import pickle
g = F(-3, 8)
print(pickle.loads(pickle.dumps(g)), pickle.loads(pickle.dumps([g, {g: 1}])), F.__module__, F.__qualname__)
