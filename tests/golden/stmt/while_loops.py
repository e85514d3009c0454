# while loops with else, break and continue.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("while else runs after normal exit")
j = 0
while True:
    j += 1
    if j > 3:
        break
    print("j", j)
else:
    print("not printed")
print("after break, j =", j)
k = 10
while k < 5:
    print("never")
else:
    print("else with zero iterations")
n = 3
while n:
    print("countdown", n)
    n -= 1
a = 0
while a < 3:
    b = 0
    while b < 3:
        if b == a:
            break
        b += 1
    print("a", a, "b", b)
    a += 1
