# abc: abstract base classes for gilvm.
#
# Written in Python for gilvm after CPython 3.11's behaviour and messages.  ABCMeta is a real
# metaclass, within gilvm's limits (vm/function.cc, BuildClass): the class is made by type,
# then ABCMeta.__init__ records its abstract methods.  CPython refuses to instantiate such a
# class inside object.__new__; here ABCMeta gives a class with no __new__ of its own one that
# checks (_abc_new), which is how `X()` raises "Can't instantiate abstract class ...".
# Differences from CPython: register() records the class but isinstance()/issubclass() do not consult it.

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
        cls._abc_registry.append(subclass)
        return subclass


class ABC(metaclass=ABCMeta):
    '''A helper base: `class X(ABC)` is `class X(metaclass=ABCMeta)`.'''
    pass
