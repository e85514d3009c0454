# int / int is correctly rounded even for huge operands; errors for results beyond a float.
print(10**30 / 10**10, 2**1100 / 2**90, 1 / 10**400, -1 / 10**400)
print((2**53 + 1) / 1, (2**54 + 3) / 2, 10**40 / 3, -(10**40) / 7)
print(3**300 / 2**400, 2**2000 / 3**1000)
print(1 / 3**700, 7**400 / 7**399)
print((2**1024 - 2**970) / 2, 123456789 * 10**300 / 10**300)
for e, f in [("10**400 / 1", lambda: 10**400 / 1), ("2**1024 / 1", lambda: 2**1024 / 1), ("(2**1024 - 2**970) / 1", lambda: (2**1024 - 2**970) / 1), ("10**400 / 0", lambda: 10**400 / 0)]:
    try:
        print(f())
    except (OverflowError, ZeroDivisionError) as ex:
        print(e, "->", type(ex).__name__, ex)
