# Mixed int/float arithmetic and bool as int.
print(1 + 2.0, type(1 + 2.0))
print(3 * 1.5, 3 - 0.5, 7 / 2.0)
print(True + True, True * 10, False - 1)
print(True + 1.5)
print(1 == 1.0, 0 == False, 1 == True)
print(10 // 3.0, 10 % 3.0, -10 // 3.0, -10 % 3.0)
print(2 ** 3.0, 2.0 ** 3)
print(int(3.9), int(-3.9), float(3))
print(type(2 ** 3), type(2 ** -1))
x = 5
x += 0.5
print(x)
x -= 0.5
print(x, type(x))
print(1 + True * 2.5)
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2))
