# Prime numbers: sieve, trial division, factorization, twin primes, goldbach.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for m in range(p * p, limit + 1, p):
                is_prime[m] = False
        p += 1
    out = []
    for i in range(limit + 1):
        if is_prime[i]:
            out.append(i)
    return out

def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True

def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors

primes = sieve(200)
print(len(primes), primes)
agree = True
for i in range(200):
    if is_prime(i) != (i in primes):
        agree = False
print("sieve agrees with trial division:", agree)
for n in [1, 2, 12, 97, 360, 1001, 65536, 999999, 600851475143]:
    print(n, factorize(n))
twins = []
for i in range(len(primes) - 1):
    if primes[i + 1] - primes[i] == 2:
        twins.append((primes[i], primes[i + 1]))
print("twin primes:", twins)
for even in range(4, 40, 6):
    for p in primes:
        if is_prime(even - p):
            print(even, "=", p, "+", even - p)
            break
print("largest prime below 10000:", max(sieve(10000)))
print("is_prime(2147483647):", is_prime(2147483647))
