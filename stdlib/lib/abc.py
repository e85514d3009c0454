# abc: abstract base classes for gilvm.
#
# Written in Python for gilvm after CPython 3.11's behaviour and messages.  ABCMeta is a real
# metaclass, within gilvm's limits (vm/function.cc, BuildClass): the class is made by type,
# then ABCMeta.__init__ records its abstract methods.  CPython refuses to instantiate such a
# class inside object.__new__; here ABCMeta gives a class with no __new__ of its own one that
# checks (_abc_new), which is how `X()` raises "Can't instantiate abstract class ...".
# isinstance()/issubclass() against an ABC consult, in CPython's order, the class's
# __subclasshook__, its MRO, the classes register()ed with it and its subclasses; positive
# answers are cached until the next register() anywhere (get_cache_token).

__all__ = ['ABC', 'ABCMeta', 'abstractclassmethod', 'abstractmethod', 'abstractproperty',
           'abstractstaticmethod', 'get_cache_token']


def abstractmethod(funcobj):
    '''Marks a method abstract: a class with any left cannot be instantiated.'''
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    # property, classmethod and staticmethod are abstract when what they wrap is.
    for attr in ('fget', 'fset', 'fdel', '__func__'):
        inner = getattr(value, attr, None)
        if inner is not None and getattr(inner, '__isabstractmethod__', False):
            return True
    return False


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    # CPython's is a property subclass; gilvm cannot subclass property, so this marks fget.
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def _abc_new(cls, *args, **kwargs):
    abstracts = cls.__abstractmethods__
    if abstracts:
        raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                        % (cls.__name__, 's' if len(abstracts) > 1 else '', ', '.join(sorted(abstracts))))
    return object.__new__(cls)


_cache_token = 0


def get_cache_token():
    return _cache_token


def _abc_positive(cls, subclass):
    cache = cls.__dict__.get('_abc_cache')
    if cache is None or cache[0] != _cache_token:
        cache = [_cache_token, []]
        type.__setattr__(cls, '_abc_cache', cache)
        return False
    for known in cache[1]:
        if known is subclass:
            return True
    return False

def _abc_search(cls, subclass):
    hook = getattr(cls, '__subclasshook__', None)
    if hook is not None:
        ok = hook(subclass)
        if ok is not NotImplemented:
            return bool(ok)
    if cls in getattr(subclass, '__mro__', ()):
        return True
    for registered in cls.__dict__.get('_abc_registry', ()):
        if issubclass(subclass, registered):
            return True
    for sub in type.__subclasses__(cls):
        if issubclass(subclass, sub):
            return True
    return False

class ABCMeta(type):
    '''Metaclass of abstract base classes.'''

    def __init__(cls, name, bases, namespace, **kwargs):
        abstracts = []
        for key in namespace:
            if _is_abstract(namespace[key]):
                abstracts.append(key)
        for base in bases:
            for key in getattr(base, '__abstractmethods__', ()):
                if key not in abstracts and _is_abstract(getattr(cls, key, None)):
                    abstracts.append(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        own_new = False
        for klass in cls.__mro__[:-1]:
            if '__new__' in klass.__dict__:
                own_new = True
        if not own_new:
            cls.__new__ = _abc_new

    def register(cls, subclass):
        '''Makes `subclass` a virtual subclass of this ABC; returns it (usable as a decorator).'''
        global _cache_token
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _cache_token += 1
        return subclass

    def __instancecheck__(cls, instance):
        klass = getattr(instance, '__class__', None)
        if klass is None:
            klass = type(instance)
        if _abc_positive(cls, klass):
            return True
        subtype = type(instance)
        if subtype is klass:
            return cls.__subclasscheck__(klass)
        return cls.__subclasscheck__(klass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if _abc_positive(cls, subclass):
            return True
        found = _abc_search(cls, subclass)
        if found:
            cls.__dict__['_abc_cache'][1].append(subclass)
        return found

    def _dump_registry(cls, file=None):
        print("Class: %s.%s" % (cls.__module__, cls.__qualname__), file=file)
        print("Inv. counter: %s" % get_cache_token(), file=file)

    def _abc_registry_clear(cls):
        global _cache_token
        cls._abc_registry = []
        _cache_token += 1

    def _abc_caches_clear(cls):
        global _cache_token
        _cache_token += 1


class ABC(metaclass=ABCMeta):
    '''A helper base: `class X(ABC)` is `class X(metaclass=ABCMeta)`.'''
    pass
