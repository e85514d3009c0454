# The math module on big ints.
import math
print(math.factorial(30), math.factorial(100) % 10**20, len(str(math.factorial(1000))))
print(math.gcd(2**100, 6**50), math.gcd(-(2**80), 2**70 * 3), math.gcd(), math.gcd(0, 10**30), math.gcd(3**100, 2**100))
print(math.lcm(2**100, 3**50), math.lcm(2**64, 2**65), math.lcm(0, 10**30), math.lcm())
print(math.isqrt(10**100), math.isqrt(2**127 - 1), math.isqrt(10**50 - 1), math.isqrt(0), math.isqrt(2**64))
print(math.comb(100, 50), math.comb(1000, 3), math.perm(50, 30), math.perm(30), math.comb(10**20, 2), math.comb(200, 199))
print(math.log(10**400), math.log2(2**5000), math.log10(10**400), math.log(2**1000, 2), math.log(10**30), math.log2(2**64))
print(math.log(3**1000) / math.log(3), math.log10(7**900), math.sqrt(10**300), math.prod([2**40] * 4), math.fsum([2**70, 1.0, -(2**70)]))
print(math.ldexp(1.0, -(2**100)), math.floor(2**100) == 2**100, math.ceil(-(3**80)))
for e, f in [("math.log(-(10**400))", lambda: math.log(-(10**400))), ("math.log(0)", lambda: math.log(0)), ("math.sqrt(10**400)", lambda: math.sqrt(10**400)), ("math.factorial(-(2**100))", lambda: math.factorial(-(2**100))), ("math.factorial(10**20)", lambda: math.factorial(10**20)), ("math.isqrt(-(2**100))", lambda: math.isqrt(-(2**100))), ("math.comb(-(2**70), 2)", lambda: math.comb(-(2**70), 2)), ("math.exp(2**100)", lambda: math.exp(2**100)), ("math.ldexp(1.0, 2**100)", lambda: math.ldexp(1.0, 2**100)), ("math.factorial(2.0)", lambda: math.factorial(2.0))]:
    try:
        print(e, "->", f())
    except (ValueError, OverflowError, TypeError) as ex:
        print(e, "->", type(ex).__name__, ex)
