# << >> & | ^ ~ with two's-complement semantics for negative big ints.
vals = [0, 1, -1, 5, -5, 2**63, -2**63, 2**64 - 1, -(2**64) + 1, 2**100 + 12345, -(2**100) - 999, 3**90, -(3**90)]
for a in vals:
    for b in vals:
        print(a & b, a | b, a ^ b)
for a in vals:
    print(~a, a << 3, a >> 3, a << 70, a >> 70, a >> 200, a << 0)
print(1 << 64, 1 << 1000 >> 999, -1 << 100, (-1 << 100) >> 99, -(2**100) >> 1)
print(5 >> 2**100, -5 >> 2**100, 0 << 2**100)
for e, f in [("1 << -1", lambda: 1 << -1), ("2**100 >> -5", lambda: 2**100 >> -5), ("2**100 << -(2**100)", lambda: 2**100 << -(2**100))]:
    try:
        print(f())
    except ValueError as ex:
        print(e, "->", ex)
print(True & 2**100, (2**100 + 1) & True, 2**100 | False)
