# pass and del.
def nothing():
    pass
print(nothing())
class Empty:
    pass
e = Empty()
e.a = 1
e.b = 2
del e.a
print(hasattr(e, "a"), hasattr(e, "b"))
x = 5
del x
try:
    print(x)
except NameError as err:
    print("NameError:", err)
l = [0, 1, 2, 3, 4, 5]
del l[0]
print(l)
del l[-1]
print(l)
del l[1:3]
print(l)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
a, b = 1, 2
del a, b
try:
    a
except NameError as err:
    print(err)
for i in range(3):
    pass
print(i)
if True:
    pass
else:
    pass
while False:
    pass
