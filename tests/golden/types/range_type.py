# range objects.
r = range(10)
print(r, type(r).__name__, len(r))
print(list(range(0, -10, -3)), list(range(-5)))
print(range(0, 10, 2)[2:], range(10)[::-1], range(10)[1:8:3])
print(r.index(7), r.count(3), r.count(11))
print(range(5) == range(5), range(0, 5, 2) == range(0, 6, 2), range(2) == [0, 1])
print(bool(range(0)), bool(range(1)))
print(9 in r, 10 in r, -1 in r, 5.0 in r)
r2 = range(1, 1000000000000, 7)
print(len(r2), r2[-1], 999999999994 in r2, r2[1000])
for i in range(3, -1, -1):
    print(i, end=" ")
print()
try:
    range(5)[5]
except IndexError as e:
    print(e)
