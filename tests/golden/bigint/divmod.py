# Floor division and modulo with every sign combination, small and big operands.
vals = [1, -1, 3, -3, 7, -7, 2**63, -2**63, 2**64 + 1, -(2**64 + 1), 10**30, -10**30, 3**100, -(3**100), 2**200 - 1]
for a in vals:
    for b in vals:
        q, r = divmod(a, b)
        assert q * b + r == a
        print(a // b, a % b, q, r)
print((-2**63) // -1, (-2**63) % -1)
for e, f in [("10**30 // 0", lambda: 10**30 // 0), ("10**30 % 0", lambda: 10**30 % 0), ("divmod(10**30, 0)", lambda: divmod(10**30, 0)), ("10**30 / 0", lambda: 10**30 / 0), ("5 // 0", lambda: 5 // 0)]:
    try:
        f()
    except ZeroDivisionError as ex:
        print(e, "->", ex)
