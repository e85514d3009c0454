# Output from a loop, then an exception in the middle of the loop.
def check(n):
    if n == 3:
        raise OverflowError("n too large: " + str(n))
    return n * n

for i in range(6):
    print(i, check(i))
