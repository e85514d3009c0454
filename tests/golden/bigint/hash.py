# hash() follows CPython's rule: modulo 2**61 - 1, with hash(-1) == -2; equal numbers hash equal.
M = 2**61 - 1
for v in [2**61 - 1, 2**61, 2**61 - 2, -(2**61 - 1), -(2**61), 2**64, -(2**64), 10**30, -(10**30), 2**100, M * 5 - 1, -(M * 5 + 1), 3**300]:
    print(v, hash(v), hash(v) == hash(float(v)) if abs(v) < 2**1000 else "")
print(hash(2**63), hash(-2**63), hash(2**62 * 3))
d = {2**100: "a", 2**64: "b", 1: "c"}
print(d[2**100], d[2.0**64], d[1.0], 2**100 in d)
s = {}
for i in range(100):
    s[2**70 + i % 10] = i
print(len(s), sorted(s)[:3])
print(hash(2**100) == hash(2.0**100), hash(-1) == hash(-1.0))
