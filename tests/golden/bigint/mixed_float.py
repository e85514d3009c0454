# Arithmetic mixing big ints and floats converts the int (OverflowError when it is too large).
print(2**100 + 0.5, 2**100 * 1.5, 1.5 - 2**70, 2**70 / 2.0, 2.0 ** 100 // 2**50, 10**20 % 3.5, 3.0 * 3**100)
print(divmod(2**70, 3.0), divmod(7.5, 2**64), (2**80) ** 0.5, 0.5 ** (2**70), float(2**80) == 2**80)
for e, f in [("10**400 + 1.0", lambda: 10**400 + 1.0), ("1.0 * 10**400", lambda: 1.0 * 10**400), ("10**400 / 2.0", lambda: 10**400 / 2.0), ("2.0 / 10**400", lambda: 2.0 / 10**400), ("10**400 // 0.5", lambda: 10**400 // 0.5), ("10**400 % 1.5", lambda: 10**400 % 1.5), ("divmod(10**400, 2.0)", lambda: divmod(10**400, 2.0)), ("divmod(10**400, 0.0)", lambda: divmod(10**400, 0.0)), ("1.0 + -(10**400)", lambda: 1.0 + -(10**400)), ("(10**400) ** 0.5", lambda: (10**400) ** 0.5), ("1e300 < 10**400", lambda: 1e300 < 10**400)]:
    try:
        print(e, "->", f())
    except (OverflowError, ZeroDivisionError) as ex:
        print(e, "->", type(ex).__name__, ex)
