# dict methods.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print(d.pop("a"), d, d.pop("zz", "default"))
print(d.setdefault("b", 100), d.setdefault("c", 3), d)
d.update({"d": 4, "b": 20})
print(d)
d.update([("e", 5)])
d.update(f=6)
print(d)
print(len(d), "c" in d, "z" in d, 3 in d)
c = d.copy()
c["new"] = 1
print(len(d), len(c))
c.clear()
print(c)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError", e)
