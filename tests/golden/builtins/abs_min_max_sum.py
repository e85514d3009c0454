# abs, min, max, sum.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5, 0]), max("hello"), min("b", "a", "c"))
print(max([1, 5, 3], key=lambda x: -x), min(["aaa", "b", "cc"], key=len))
print(max(["aaa", "bbb", "cc"], key=len))
print(min([], default="empty"), max([], default=None), max([2], default=0))
print(max((1, "b"), (1, "a")), min([[3], [1, 2]]))
print(max(1, 2.5), min(2, 2.0), max(2.0, 2))
print(sum([1, 2, 3]), sum([]), sum([1.5, 2.5]), sum(range(101)), sum([1, 2], 10))
print(sum([0.1] * 10))
print(sum([[1], [2, 3]], []))
try:
    max([])
except ValueError as e:
    print(e)
try:
    min()
except TypeError as e:
    print(e)
try:
    sum(["a", "b"])
except TypeError as e:
    print(e)
print(max({"a": 3, "b": 1}), max({"a": 3, "b": 1}, key=lambda k: {"a": 3, "b": 1}[k]))
