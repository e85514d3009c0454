# for loops over various iterables, with else/break/continue.
for i in range(3):
    print("range", i)
for ch in "abc":
    print("char", ch)
for item in [1, "two", 3.0]:
    print("item", item)
for t in (1, 2):
    print("tuple", t)
for k in {"x": 1, "y": 2}:
    print("key", k)
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("not printed")
for i in range(3):
    pass
else:
    print("else after complete loop, i =", i)
for i in []:
    print("never")
else:
    print("else on empty")
for i in range(2, 11, 4):
    print("stepped", i)
for i in range(5, 0, -2):
    print("down", i)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j)
l = [1, 2, 3]
for x in l:
    print("x", x)
    if x == 1:
        l.append(4)
print(l)
