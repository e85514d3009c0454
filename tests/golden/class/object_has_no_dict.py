# A plain object() has no __dict__: attributes cannot be set on it, even at a site whose cache
# has seen the type; a subclass without __slots__ has one.
o = object()


def set_x(obj):
    try:
        obj.x()
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        obj.x = 1
        print("set", obj.x)
    except AttributeError as e:
        print("AttributeError:", e)


set_x(o)
set_x(o)
print(hasattr(o, "__dict__"))
try:
    vars(o)
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


p = Plain()
set_x(p)
print(vars(p))
try:
    setattr(o, "y", 2)
except AttributeError as e:
    print("AttributeError:", e)
