# __init_subclass__ with keywords, its classmethod semantics, and __set_name__.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls

class Json(Plugin, name="json"): pass
class Yaml(Plugin): pass
print(sorted(Plugin.registry), Json.plugin_name, Yaml.plugin_name)

class Sub(Json, name="sub"): pass
print(Sub.plugin_name, sorted(Plugin.registry))

try:
    class Bad(Plugin, name="bad", extra=1): pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Plain(flag=1): pass
except TypeError as e:
    print("TypeError:", e)

print(type(Plugin.__dict__["__init_subclass__"]).__name__)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)

class Record:
    title = Field()
    body = Field()

r = Record()
r.title = "hello"
print(r.title, r.body, Record.title.name)

class Loud:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)

try:
    class Broken:
        attr = Loud()
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

Dyn = type("Dyn", (), {"f": Field()})
print(Dyn.f.name)

class Counted:
    subclasses = 0
    @classmethod
    def __init_subclass__(cls):
        Counted.subclasses += 1

class One(Counted): pass
class Two(One): pass
print(Counted.subclasses)
