# Binary operation inside a larger expression: 3.11 shows ~~~^~~~ markers.
a = 1
b = "two"
print("start")
result = [a + b]
