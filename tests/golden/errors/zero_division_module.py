# Uncaught ZeroDivisionError at module level, after some output.
print("before")
x = 10
y = 0
z = x / y
print("never")
