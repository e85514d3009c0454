# hasattr, getattr, setattr.
class Obj:
    cls_attr = "class value"
    def method(self):
        return "method result"
o = Obj()
print(hasattr(o, "cls_attr"), hasattr(o, "method"), hasattr(o, "nope"))
print(getattr(o, "cls_attr"), getattr(o, "method")())
print(getattr(o, "nope", "fallback"))
setattr(o, "dynamic", 99)
print(o.dynamic, getattr(o, "dynamic"))
for name in ["a", "b", "c"]:
    setattr(o, name, name.upper())
print(o.a, o.b, o.c)
print(hasattr("str", "upper"), hasattr([], "append"), hasattr(5, "upper"))
print(getattr("abc", "upper")())
try:
    getattr(o, "missing")
except AttributeError as e:
    print(e)
setattr(Obj, "added_to_class", 1)
print(Obj().added_to_class)
