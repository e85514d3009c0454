# Module-level names (LOAD_NAME/STORE_NAME, which remember where they found a name last time):
# rebinding, deleting, shadowing a builtin and unshadowing it, globals() written behind their
# back, and the same code run by exec in other namespaces.
total = 0
for i in range(5):
    total += i
print(total, i)

for round in range(3):
    if round == 1:
        len = lambda x: "shadowed"
    if round == 2:
        del len
    print(round, len("abc"))

g = globals()
for k in range(3):
    g["counter"] = k * 10
    print(counter)
del g["counter"]
try:
    print(counter)
except NameError as e:
    print("NameError", e)

# Many new names between two reads move entries around; the reads stay right.
x = "first"
for n in range(200):
    g["filler%d" % n] = n
print(x, filler7, filler199)
for n in range(0, 200, 2):
    del g["filler%d" % n]
print(x, filler7, filler199)
x = "second"
print(x)

code = compile("y = y + 1 if 'y' in dir() else 1\nz = len([y])\n", "<exec>", "exec")
ns = {}
for _ in range(3):
    exec(code, ns)
print(ns["y"], ns["z"])
ns2 = {"len": lambda v: 99}
exec(code, ns2)
print(ns2["y"], ns2["z"])


class Missing(dict):
    def __missing__(self, key):
        if key == "nowhere":
            return "missing " + key
        raise KeyError(key)


exec("print(nowhere)", {}, Missing())
try:
    exec("print(nowhere)", {}, {})
except NameError as e:
    print("NameError", e)


class Body:
    a = 1
    b = a + 1
    a = b * 10
    print(a, b, len([a, b]))


print(Body.a, Body.b)
