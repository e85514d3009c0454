# Inherited __init__, attribute errors, getattr/setattr/hasattr on instances.
class Point:
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
class Point3(Point):
    pass
p = Point3(1, 2)
print(p.x, p.y)
try:
    print(p.z)
except AttributeError as e:
    print("AttributeError:", e)
setattr(p, "z", 3)
print(getattr(p, "z"), hasattr(p, "z"))
print(getattr(p, "q", None))
try:
    getattr(p, "q")
except AttributeError as e:
    print(e)
try:
    Point.nothing
except AttributeError as e:
    print(e)
try:
    (5).foo
except AttributeError as e:
    print(e)
try:
    "s".bar()
except AttributeError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e)
