# any and all.
print(any([]), all([]))
print(any([0, 0, 1]), all([1, 1, 0]), all([1, 2, 3]), any([0, "", None]))
print(any("abc"), all(""), all([[]]), any([[]]))
def t(v):
    print("check", v)
    return v
print(any(map(t, [0, 1, 2])))
print(all(map(t, [1, 0, 2])))
nums = [2, 4, 6]
print(all(map(lambda n: n % 2 == 0, nums)), any(map(lambda n: n > 5, nums)))
