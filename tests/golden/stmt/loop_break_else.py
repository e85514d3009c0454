# Searching with for/else and while/else.
def find(haystack, needle):
    for i in range(len(haystack)):
        if haystack[i] == needle:
            print("found", needle, "at", i)
            break
    else:
        print(needle, "not found")
find([4, 8, 15, 16], 15)
find([4, 8, 15, 16], 23)
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False
primes = []
for n in range(30):
    if is_prime(n):
        primes.append(n)
print(primes)
for outer in range(3):
    for inner in range(3):
        if inner == 1:
            break
    else:
        print("inner completed")
    print("outer", outer, "inner", inner)
