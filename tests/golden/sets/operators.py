# | & - ^ and their in-place forms; comparisons are subset tests.
a = {1, 2, 3}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a | set(), a & set(), set() - a, a ^ a)
c = {1, 2}
c |= {7}
print(c)
c &= {1, 7, 9}
print(c)
c -= {1}
print(c)
c ^= {7, 8}
print(c)
d = c
d |= {100}
print(c is d, c)
print({1} < {1, 2}, {1, 2} < {1, 2}, {1, 2} <= {1, 2}, {1, 2, 3} > {1}, {1} >= {1}, {1} > {1})
print({1, 2} == {2, 1}, {1, 2} != {2, 1}, {1} != {2}, {1} == [1], {1} != [1])
print({1, 2} < {3, 4}, {1, 2} > {3, 4}, {1, 2} <= {3}, set() <= {1}, set() < set())
print(frozenset([1]) < {1, 2}, {1} <= frozenset([1, 3]))
print(sorted([{1, 2}, {1}, {1, 2, 3}], key=len))
big = set(range(40))
print(big - {1, 2}, len(big - set(range(30))))
print(set(range(40)) - set(range(3, 40)))
print(set(range(10)) & set(range(5, 40)))
print(set(range(5, 40)) & set(range(10)))
print(set(range(16)) ^ set(range(8, 24)))
print({1, 2, 3} - {1: 'a'})
