# Exceptions inside loops and handlers that continue.
data = ["1", "2", "x", "4", "", "6"]
total = 0
bad = []
for s in data:
    try:
        total += int(s)
    except ValueError as e:
        bad.append(s)
        print("skip:", e)
        continue
    finally:
        print("processed", repr(s))
print(total, bad)
i = 0
results = []
while i < 5:
    try:
        results.append(10 // (i - 2))
    except ZeroDivisionError:
        results.append("div0")
    i += 1
print(results)
def safe_get(l, i):
    try:
        return l[i]
    except IndexError:
        return "oob"
print(safe_get([1, 2], 1), safe_get([1, 2], 5), safe_get([1, 2], -3))
