# dict insertion order, deletion, re-insertion, iteration.
d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
print(d, list(d))
d["z"] = 10
print(d)
del d["a"]
d["a"] = 20
print(d)
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
for v in d.values():
    print("value", v)
keys = d.keys()
d["new"] = 0
print(list(keys), len(keys))
print({1: "a", 2: "b"} == {2: "b", 1: "a"})
num_keys = {}
for i in range(10, 0, -1):
    num_keys[i * 7 % 11] = i
print(num_keys)
print(list(num_keys.keys()))
try:
    for k in d:
        d["another" + str(k)] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(d))
