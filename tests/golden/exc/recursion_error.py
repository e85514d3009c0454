# RecursionError is catchable.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(0)
except RuntimeError as e:
    print(type(e).__name__, "caught as RuntimeError")
def depth_ok(n):
    if n == 0:
        return 0
    return depth_ok(n - 1) + 1
print(depth_ok(800))
print("still running")
