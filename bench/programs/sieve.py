# Sieve of Eratosthenes over a list of flags.


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    primes = []
    for k in range(limit + 1):
        if flags[k]:
            primes.append(k)
    return primes


total = 0
count = 0
for r in range(3):
    primes = sieve(1000000)
    count += len(primes)
    s = 0
    for p in primes:
        s = (s + p) % 1000000007
    total = (total + s) % 1000000007
print("sieve", count, total, primes[-1])
