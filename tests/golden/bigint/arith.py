# + - * on ints of every size, with promotion from int64 and demotion back.
big = 2**100
vals = [0, 1, -1, 7, -7, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, big, -big, 3**200, -(5**150)]
for a in vals:
    for b in vals:
        print(a + b, a - b, a * b)
print(type(2**63 - 2**63), 2**63 - 2**63)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(-(-9223372036854775808), abs(-9223372036854775808))
print(+big, -big, abs(-big), ~big, ~-big)
x = 1
for i in range(1, 40):
    x *= i
print(x)
s = 0
for i in range(100):
    s += 2**64
print(s)
print(True + 2**100, 2**100 - False)
