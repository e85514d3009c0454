# Exception inside a lambda and inside a builtin callback.
def apply_all(fn, values):
    out = []
    for v in values:
        out.append(fn(v))
    return out

print(apply_all(lambda v: 10 // v, [1, 2]))
print(apply_all(lambda v: 10 // v, [5, 0]))
