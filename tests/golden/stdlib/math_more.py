# math: the functions CPython 3.11 has beyond the basics, with their errors; integer ones are
# limited to 64-bit results in gilvm (so tests stay within them).
import math


def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(2**62), math.isqrt(9223372036854775807))
print(math.gcd(), math.gcd(12), math.gcd(12, 18, -27), math.lcm(), math.lcm(4, 6, 10), math.lcm(3, 0))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2], start=3))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 3]), math.hypot(), math.hypot(3, 4, 12))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(-2.0))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-7.5, 2))
print(math.copysign(3, -0.0), math.frexp(8.0), math.frexp(0.0), math.frexp(-0.375))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1080), math.modf(3.75), math.modf(-2.5))
print(math.fmod(7, -3), math.fmod(-7, 3), math.trunc(-2.7), math.trunc(9))
# gamma and lgamma come from the C library in gilvm: equal to CPython's within an ulp or two.
print(math.erf(0.5), math.erfc(0.5), math.gamma(5), math.gamma(1), math.lgamma(1), math.lgamma(2))
print(round(math.gamma(0.5), 12), round(math.lgamma(10), 10), round(math.lgamma(0.5), 12))
print(math.log(8, 2), math.log(100, 10), math.log1p(1e-10), math.expm1(1e-10), math.log2(1024))
print(math.asinh(1), math.acosh(2), math.atanh(0.5), math.cbrt(27), math.cbrt(-8), math.exp2(10))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.inf, -math.inf, math.nan, math.pi, math.e, math.tau)
print(math.comb(10, 3), math.perm(10, 3), math.perm(5), math.factorial(20))
attempt(math.isqrt, -1)
attempt(math.isqrt, 2.0)
attempt(math.gcd, 1.5)
attempt(math.dist, (1, 2), (1, 2, 3))
attempt(math.dist, 1, 2)
attempt(math.remainder, math.inf, 1)
attempt(math.remainder, 1, 0)
attempt(math.gamma, 0)
attempt(math.gamma, -1)
attempt(math.gamma, 200)
attempt(math.lgamma, 0)
attempt(math.ldexp, 1.0, 1.5)
attempt(math.ldexp, 1.0, 5000)
attempt(math.log, 0)
attempt(math.log, 10, 1)
attempt(math.fsum, [math.inf, -math.inf])
attempt(math.acosh, 0.5)
attempt(math.atanh, 1)
attempt(lambda: math.isclose(1, 2, rel_tol=-1))
