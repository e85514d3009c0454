# dir() of common objects lists what CPython lists (public names and the object protocol).
import _inputs.simple as simple


class Point:
    """A point."""
    def __init__(self, x):
        self.x = x

    def norm(self):
        return abs(self.x)


p = Point(3)
print(dir(object()))
# gilvm has no weak references, so no __weakref__ yet.
print([n for n in dir(p) if n != "__weakref__"])
print([n for n in dir(Point) if n != "__weakref__"])
print(dir(simple))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir(()) if not n.startswith("_")])
print([n for n in dir(b"") if not n.startswith("_")])
print([n for n in dir(range(3)) if not n.startswith("_")])
print([n for n in dir(ValueError("x")) if not n.startswith("__") and n != "add_note"])
print("__class__" in dir(1), "__doc__" in dir(None), "__init_subclass__" in dir(Point))
print(sorted(dir(p)) == dir(p), p.__dir__ is not None)
print(object.__subclasshook__(), Point.__init_subclass__())
print(p.__getstate__(), object().__getstate__())
try:
    Point.__init_subclass__(1)
except TypeError as e:
    print(type(e).__name__, e)
missing = [n for n in dir(p) if n != "__weakref__" and not hasattr(p, n)]
print(missing)
