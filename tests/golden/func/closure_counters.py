# Closure-based counters and accumulators.
def counter(start=0, step=1):
    n = start
    def tick():
        nonlocal n
        current = n
        n += step
        return current
    return tick
t = counter()
print(t(), t(), t())
t2 = counter(100, -10)
print(t2(), t2(), t(), t2())
def memo_fib():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        if n < 2:
            r = n
        else:
            r = fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib, cache
fib, cache = memo_fib()
print(fib(50), len(cache))
def bank(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "insufficient"
        balance -= x
        return balance
    return deposit, withdraw
dep, wd = bank(10)
print(dep(5), wd(3), wd(100), dep(1))
