# Local variables are per-call; parameters are locals.
def f(x):
    y = x * 2
    x = x + 1
    return x, y
a = 5
print(f(a), a)
def mutate(l):
    l.append("added")
    l = ["rebound"]
    return l
orig = ["orig"]
print(mutate(orig), orig)
def recurse(n):
    local = n * 10
    if n > 0:
        recurse(n - 1)
    print("n", n, "local", local)
recurse(3)
def uses_before_global_set():
    return late_global
late_global = "defined after function"
print(uses_before_global_set())
def nested():
    v = "outer"
    def inner():
        v2 = v + "+inner"
        return v2
    return inner()
print(nested())
