# range variants and misc builtins.
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(5, 0, -1)), list(range(0)))
print(list(range(-3, 3)), list(range(10, -10, -5)), list(range(1, 2, 100)))
r = range(0, 20, 5)
print(r, len(r), r[1], r[-1], 15 in r, 16 in r, r.start, r.stop, r.step)
print(range(3) == range(0, 3), range(0) == range(5, 5))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
print(list(range(3, 0)))
print(sum(range(1, 11)), max(range(7)), min(range(4, 9)))
print(sorted(range(5), reverse=True))
print(list(reversed(range(1, 10, 3))))
