# __str__ and __repr__.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "P(" + repr(self.x) + ", " + repr(self.y) + ")"
class Q(P):
    def __str__(self):
        return "<" + str(self.x) + "," + str(self.y) + ">"
p = P(1, "a")
q = Q(2, "b")
print(p)
print(str(p), repr(p))
print(q)
print(str(q), repr(q))
print([p, q])
print((q,), {"k": q})
class OnlyStr:
    def __str__(self):
        return "only str"
o = OnlyStr()
print(o, str(o))
print("concat: " + str(o))
print(repr("x"), str("x"))
