# Errors in a generator consumed by a built-in, and in a generator expression.
def parse(items):
    for s in items:
        yield int(s)

print(sum(parse(["1", "2"])))
total = sum(
    n * 2 for n in parse(["3", "x"])
)
