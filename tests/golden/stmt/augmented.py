# Augmented assignment on names, attributes, subscripts; lists are mutated in place.
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n %= 3; print(n)
n **= 5; print(n)
f = 10
f /= 4; print(f)
s = "ab"
s += "cd"; print(s)
s *= 2; print(s)
l = [1]
alias = l
l += [2, 3]
print(l, alias, l is alias)
l *= 2
print(alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
class C:
    pass
c = C()
c.count = 0
for i in range(4):
    c.count += i
print(c.count)
d = {"a": 1}
d["a"] += 10
d["b"] = 0
d["b"] -= 1
print(d)
m = [[1, 2], [3, 4]]
m[1][0] *= 100
print(m)
def idx():
    print("idx evaluated")
    return 0
arr = [5]
arr[idx()] += 1
print(arr)
