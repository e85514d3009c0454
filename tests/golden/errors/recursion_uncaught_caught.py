# A RecursionError caught, then a different uncaught error.
def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError:
    print("recursion caught")
raise TypeError("final error")
