# Conditional expressions.
x = 5
print("big" if x > 3 else "small")
print("big" if x > 10 else "small")
y = 1 if x % 2 == 0 else 2 if x % 3 == 0 else 3
print(y)
print((lambda v: "even" if v % 2 == 0 else "odd")(4))
z = x if x else -1
print(z)
print(0 if None else "none is falsy")
a = 10
b = 20
print(a if a > b else b)
print((a if a < b else b) * 2)
print(1 + (2 if True else 3) + 4)
