# Metaclasses with __new__, __prepare__, __call__ and keyword arguments.
class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns, **kw):
        print("new", mcs.__name__, name, [b.__name__ for b in bases], sorted([k for k in ns if not k.startswith("__")]), kw)
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        super().__init__(name, bases, ns)

class Base(metaclass=Registry):
    a = 1

class Child(Base, flag=True):
    b = 2
    def __init_subclass__(cls, **kw):
        print("never called for Child itself")

print(Registry.classes, type(Child).__name__)

class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 42}
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)

class O(metaclass=Ordered, option=1):
    x = injected + 1

print(O.x, O.injected)

class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)

class OrderMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Recording()
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls.order = ns.order
        return cls

class Fields(metaclass=OrderMeta):
    z = 1
    a = 2
    m = 3

print(Fields.order, type(Fields.__dict__).__name__)

class Singleton(type):
    def __call__(cls, *args, **kw):
        if "inst" not in cls.__dict__:
            cls.inst = super().__call__(*args, **kw)
        return cls.inst

class Conf(metaclass=Singleton):
    def __init__(self, v):
        print("Conf init", v)
        self.v = v

print(Conf(1) is Conf(2), Conf(3).v)

def functional_meta(name, bases, ns, **kw):
    print("function meta", name, kw)
    return type(name, bases, ns)

class F(metaclass=functional_meta, k=5):
    pass

print(type(F).__name__, F.__name__)

class MA(type): pass
class MB(type): pass
class PA(metaclass=MA): pass
class PB(metaclass=MB): pass
try:
    class Both(PA, PB): pass
except TypeError as e:
    print("TypeError:", e)

class MC(MA): pass
class PC(metaclass=MC): pass
class Derived(PA, PC): pass
print(type(Derived).__name__)

class BadPrepare(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 5
try:
    class Bad(metaclass=BadPrepare): pass
except TypeError as e:
    print("TypeError:", e)
