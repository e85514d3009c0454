# ** with big results, negative exponents (floats), and pow() with a modulus.
print(2**64, 2**100, (-2)**101, 3**50, (-3)**51, 10**40)
print(7**-2, 2**-1, (10**20) ** -1, (-2) ** -3)
print((-1) ** (2**100), (-1) ** (2**100 + 1), 1 ** (2**100), 0 ** (2**100))
print(pow(3, 10**20, 10**9 + 7), pow(2**100, 2**100, 10**30 + 1), pow(-(2**70), 3, 10**12))
print(pow(12345678901234567890, 65537, 2**127 - 1))
print(pow(3, -1, 10**20 + 1), pow(10**30, -1, 7), pow(2**70 + 1, -3, 2**65))
print(pow(5, 3, -(2**70)), pow(-5, 3, 2**70), pow(2**80, 0, 1), pow(2**80, 5, -1))
for e, f in [("pow(2**100, 2, 0)", lambda: pow(2**100, 2, 0)), ("pow(2**64, -1, 2**64)", lambda: pow(2**64, -1, 2**64)), ("0 ** -1", lambda: 0 ** -1), ("(10**400) ** -1", lambda: (10**400) ** -1), ("pow(2, 1.5, 10**20)", lambda: pow(2, 1.5, 10**20))]:
    try:
        print(f())
    except (ValueError, ZeroDivisionError, OverflowError, TypeError) as ex:
        print(e, "->", type(ex).__name__, ex)
print(2 ** 0.5 > 1, (2**100) ** 0.5, 4 ** 2**3)
