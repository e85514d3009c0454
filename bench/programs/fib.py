# Recursive Fibonacci: function call overhead.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


total = 0
for i in range(8):
    total += fib(27)
print("fib", fib(27), total)
