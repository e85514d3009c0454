# __class_getitem__, class __dict__ (mappingproxy), __qualname__, __module__, __doc__.
print(list[int], dict[str, list[int]], tuple[int, ...])

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"

print(Box[int], Box[str])

class Sub(Box): pass
print(Sub[float])

try:
    object[int]
except TypeError as e:
    print("TypeError:", e)

class Outer:
    """Outer doc."""
    class Inner:
        def method(self):
            pass

print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.method.__qualname__)
print(Outer.__module__, Outer.__doc__, Outer.Inner.__doc__)

class K:
    a = 1
    def f(self):
        pass

d = K.__dict__
print(type(d).__name__, d["a"], "f" in d, "zz" in d, sorted([k for k in d if not k.startswith("__")]))
print(repr(d).startswith("mappingproxy({"), len(d) > 2)
try:
    d["b"] = 2
except TypeError as e:
    print("TypeError:", e)
K.b = 5
print(d["b"], d.get("c", "none"))
print(sorted([k for k in vars(K) if not k.startswith("_")]))

class Ints(list[int]):
    pass

print([c.__name__ for c in Ints.__mro__], Ints.__orig_bases__, Ints([1, 2]))
alias = dict[str, int]
print(alias.__origin__, alias.__args__, alias == dict[str, int], alias(a=1))
print(type[int], tuple[()], list[list[int]])
