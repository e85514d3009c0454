# Small programs that need big ints: Fibonacci, factorial digit sums, RSA, Collatz, Catalan.
import math
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(300), len(str(fib(5000))), fib(1000) % 10**9)
print(sum([int(c) for c in str(math.factorial(500))]), str(math.factorial(1000))[:30])
p, q = 2**127 - 1, 2**89 - 1
n, phi, e = p * q, (p - 1) * (q - 1), 65537
d = pow(e, -1, phi)
msg = int.from_bytes(b"gilvm big ints", "big")
c = pow(msg, e, n)
print(c, pow(c, d, n).to_bytes(14, "big"), (e * d) % phi)
x, steps = 2**100 + 1, 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print(steps)
cat = [1]
for i in range(1, 120):
    cat.append(cat[-1] * 2 * (2 * i - 1) // (i + 1))
print(cat[-1], cat[100] == math.comb(200, 100) // 101)
print(sum([2**i for i in range(200)]) == 2**200 - 1, 3**1000 % 1000, (10**100 + 1) * (10**100 - 1) == 10**200 - 1)
