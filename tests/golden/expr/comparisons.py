# Comparisons, including chains.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 < 2 > 0)
print(1 == 1 == 1, 1 == 1 != 2, 1 < 2 <= 2 < 3)
x = 5
print(0 < x < 10, 0 < x < 3)
def side(v):
    print("eval", v)
    return v
print(side(1) < side(2) < side(3))
print(side(3) < side(2) < side(1))
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9, 9])
print((1, 2) == (1, 2), (1, 2) < (1, 2, 3), (0, 5) < (1,))
print(None == None, None == 0, None != False)
print(1 == "1", "a" == 'a')
print([1, [2, 3]] == [1, [2, 3]])
print({"a": 1} == {"a": 1}, {"a": 1} == {"a": 2})
print(2 == 2.0, 3 > 2.5, True == 1)
