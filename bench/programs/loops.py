# Nested while/for loops doing integer arithmetic.


def work(n):
    total = 0
    i = 0
    while i < n:
        for j in range(100):
            total = (total + i * j + (i ^ j) - (j & 7)) % 1000000007
        i += 1
    return total


def countdown(n):
    steps = 0
    while n > 0:
        if n % 2 == 0:
            n = n // 2
        else:
            n = n - 1
        steps += 1
    return steps


acc = work(40000)
k = 0
for x in range(1, 20000):
    k += countdown(x * 1000003)
print("loops", acc, k)
