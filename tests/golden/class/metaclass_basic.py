# A metaclass deriving from type: its __init__ runs for each class made with it (and for
# their subclasses), and its methods and dunders apply to those classes.
class Registry(type):
    def __init__(cls, name, bases, namespace):
        cls.registered = sorted([k for k in namespace if not k.startswith("__")])
        cls.base_names = [b.__name__ for b in bases]

    def __iter__(cls):
        return iter(cls.registered)

    def __len__(cls):
        return len(cls.registered)

    def __getitem__(cls, key):
        return 'item %s of %s' % (key, cls.__name__)

    def __contains__(cls, key):
        return key in cls.registered

    def __repr__(cls):
        return '<registered %s>' % cls.__name__

    def describe(cls):
        return '%s has %d' % (cls.__name__, len(cls))

    @property
    def upper_name(cls):
        return cls.__name__.upper()


class Thing(metaclass=Registry):
    a = 1
    def b(self):
        return 2


class Sub(Thing):
    c = 3


print(Thing, Sub, type(Thing).__name__, type(Sub) is Registry, isinstance(Thing, Registry))
print(list(Thing), len(Thing), Thing['x'], 'a' in Thing, 'z' in Thing)
print(list(Sub), Sub.base_names, Thing.base_names, Sub.describe(), Thing.upper_name)
print(Thing().b(), Sub().c, isinstance(Sub(), Thing), repr(type(Thing())))
print(isinstance(Registry, type), Registry.__mro__)


class Empty(metaclass=Registry):
    pass


print(len(Empty), list(Empty), bool(Empty))


class Lazy(type):
    def __getattr__(cls, name):
        if name.startswith('auto_'):
            return name[5:].upper()
        raise AttributeError('%s has no %s' % (cls.__name__, name))


class Config(metaclass=Lazy):
    real = 1


print(Config.real, Config.auto_port, hasattr(Config, 'other'), getattr(Config, 'auto_x', None))
try:
    Config.other
except AttributeError as e:
    print('AttributeError', e)
