# Attribute access on modules, objects and classes.
import math
print(math.pi)
class P:
    kind = "point"
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, p.kind, P.kind)
p.x = 10
p.z = 30
print(p.x, p.z)
p.kind = "instance kind"
print(p.kind, P.kind)
P.kind = "changed"
q = P(0, 0)
print(q.kind, p.kind)
print("abc".upper().lower().upper())
print([3, 1, 2].copy().pop())
print(hasattr(p, "z"), hasattr(p, "w"))
print(getattr(p, "w", "missing"))
setattr(p, "w", 5)
print(p.w)
