# int methods on big ints: bit_length, bit_count, to_bytes/from_bytes, as_integer_ratio, round...
import math
vals = [0, 1, -1, 255, -256, 2**63, -2**63, 2**64 - 1, 2**100, -(2**100), 3**100]
for v in vals:
    print(v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.numerator if hasattr(v, "numerator") else "", v.conjugate())
print((2**100).__index__() == 2**100, (2**100).__int__(), (2**100).__float__(), (2**100).__neg__(), (2**100).__abs__())
print((2**100).__add__(1), (2**100).__radd__(1), (2**100).__mul__(2**100), (5).__sub__(2**100), (2**100).__rtruediv__(1))
print((2**100).__pow__(2), (2**100).__pow__(2, 1000), (2**100).__divmod__(7), (2**100).__rdivmod__(7), (2**100).__lt__(2**101))
print((2**100).__eq__(1.0), (2**100).__add__(1.0), (2**100).__bool__(), (2**100).__hash__() == hash(2**100))
print(round(2**100), round(2**100, 5), round(2**100, -5), round(-(2**100), -10), round(25 * 10**20, -21), round(35 * 10**20, -21))
print(round(2**100, -100), round(123, 10**20), round(1.5, 10**20))
print(round(5 * 10**18, -19), round(15 * 10**18, -19), round(-25 * 10**30, -31))
print(math.floor(2**100), math.ceil(-(2**100)), math.trunc(2**100), math.floor(1e300) == int(1e300), math.ceil(-1.5e20))
print((2**100).__floor__(), (2**100).__ceil__(), (2**100).__trunc__(), (2**100).__round__(-3))
print((1e300).as_integer_ratio()[0] % 10**9, (2.0**-1074).as_integer_ratio()[1].bit_length(), (1e-300).as_integer_ratio()[1] % 1000)
print((2.0**100).is_integer(), (1e300).is_integer(), int(1e300) == 1e300, round(1e300) == int(1e300), round(-1e20))
print(1e300.__trunc__() % 10**9, 1e300.__floor__() % 7, (-1e300).__ceil__() % 7)
