"""types for gilvm: the names of the interpreter's internal types, SimpleNamespace and the
dynamic class creation helpers (new_class, prepare_class, resolve_bases).

Written for gilvm with CPython 3.11's documented behaviour as the spec.  The types are taken
from live objects, so they are gilvm's own (`type(len)` for BuiltinFunctionType, ...).

Differences and omissions:
  - gilvm's `method` type cannot be instantiated from Python, so while that holds MethodType
    is a stand-in class: MethodType(func, obj) gives a bound-method object (with __func__,
    __self__, calls, ==, repr as CPython's), and isinstance()/issubclass() against MethodType
    answer for real bound methods too; `type(obj.m) is types.MethodType` is False.
  - likewise MappingProxyType(mapping) gives a read-only stand-in proxy while gilvm's
    mappingproxy cannot be made from Python.
  - gilvm has one builtin callable type: BuiltinMethodType, WrapperDescriptorType,
    MethodWrapperType, MethodDescriptorType and ClassMethodDescriptorType are all it.
  - FrameType, CellType, GetSetDescriptorType and MemberDescriptorType name what gilvm has
    where it has it; CoroutineType, AsyncGeneratorType and coroutine() are refused (gilvm has
    no async def); DynamicClassAttribute is not provided.
"""

import sys

__all__ = ['FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType', 'SimpleNamespace',
           'CellType', 'GeneratorType', 'CoroutineType', 'AsyncGeneratorType', 'MethodType',
           'BuiltinFunctionType', 'BuiltinMethodType', 'WrapperDescriptorType',
           'MethodWrapperType', 'MethodDescriptorType', 'ClassMethodDescriptorType',
           'ModuleType', 'TracebackType', 'FrameType', 'GetSetDescriptorType',
           'MemberDescriptorType', 'new_class', 'resolve_bases', 'prepare_class',
           'coroutine', 'GenericAlias', 'UnionType', 'EllipsisType',
           'NoneType', 'NotImplementedType']


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
_mappingproxy = type(type.__dict__)


def _g():
    yield 1


GeneratorType = type(_g())
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
ModuleType = type(sys)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)
GenericAlias = type(list[int])
try:
    UnionType = type(int | str)
except TypeError:
    UnionType = None     # gilvm has no X | Y on types yet; replaced below by a refusal

try:
    raise TypeError
except TypeError as _exc:
    TracebackType = type(_exc.__traceback__)
    _tb = _exc.__traceback__
FrameType = type(getattr(_tb, 'tb_frame', None)) if hasattr(_tb, 'tb_frame') else None
del _tb

GetSetDescriptorType = type(type.__dict__['__name__']) if '__name__' in type.__dict__ else None
MemberDescriptorType = GetSetDescriptorType


def _cell_type():
    x = 1

    def inner():
        return x
    closure = getattr(inner, '__closure__', None)
    return type(closure[0]) if closure else None


CellType = _cell_type()


class _C:
    def _m(self):
        pass


_method = type(_C()._m)


def _can_make_methods():
    try:
        _method(_f, _C())
    except TypeError:
        return False
    return True


if _can_make_methods():
    MethodType = _method
else:
    class _MethodTypeMeta(type):
        def __instancecheck__(cls, obj):
            return isinstance(obj, (_method, _BoundMethod))

        def __subclasscheck__(cls, sub):
            return issubclass(sub, (_method, _BoundMethod))

        def __repr__(cls):
            return "<class 'method'>"

    class _BoundMethod:
        __slots__ = ('__func__', '__self__')

        def __init__(self, func, obj):
            self.__func__ = func
            self.__self__ = obj

        def __call__(self, *args, **kwargs):
            return self.__func__(self.__self__, *args, **kwargs)

        def __getattr__(self, name):
            return getattr(self.__func__, name)

        def __eq__(self, other):
            if not isinstance(other, _BoundMethod):
                return NotImplemented
            return self.__func__ == other.__func__ and self.__self__ is other.__self__

        def __ne__(self, other):
            eq = self.__eq__(other)
            return eq if eq is NotImplemented else not eq

        def __hash__(self):
            return hash(self.__func__) ^ id(self.__self__)

        def __repr__(self):
            name = getattr(self.__func__, '__qualname__', None) or \
                getattr(self.__func__, '__name__', '?')
            return '<bound method %s of %r>' % (name, self.__self__)

    class MethodType(metaclass=_MethodTypeMeta):
        '''method(function, instance): a function bound to an instance.'''

        def __new__(cls, function, instance):
            if not callable(function):
                raise TypeError('first argument must be callable')
            if instance is None:
                raise TypeError('instance must not be None')
            return _BoundMethod(function, instance)

del _C


class _ReadOnlyProxy:
    """A read-only view of a mapping, standing in for gilvm's mappingproxy, which cannot be
    made from Python."""

    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        object.__setattr__(self, '_mapping', mapping)

    def __getitem__(self, key):
        return self._mapping[key]

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __setattr__(self, name, value):
        raise AttributeError("'mappingproxy' object has no attribute %r" % name)

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __reversed__(self):
        return reversed(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __eq__(self, other):
        return self._mapping == other

    def __ne__(self, other):
        return self._mapping != other

    def __or__(self, other):
        return dict(self._mapping) | other

    def __ror__(self, other):
        return other | dict(self._mapping)

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def __str__(self):
        return str(self._mapping)


def _can_make_proxies():
    try:
        _mappingproxy({})
    except TypeError:
        return False
    return True


if _can_make_proxies():
    MappingProxyType = _mappingproxy
else:
    class _MappingProxyMeta(type):
        def __instancecheck__(cls, obj):
            return isinstance(obj, (_mappingproxy, _ReadOnlyProxy))

        def __subclasscheck__(cls, sub):
            return issubclass(sub, (_mappingproxy, _ReadOnlyProxy))

        def __repr__(cls):
            return "<class 'mappingproxy'>"

    class MappingProxyType(metaclass=_MappingProxyMeta):
        def __new__(cls, mapping):
            if not hasattr(mapping, '__getitem__') or isinstance(mapping, (list, tuple)):
                raise TypeError("mappingproxy() argument must be a mapping, not %s"
                                % type(mapping).__name__)
            return _ReadOnlyProxy(mapping)


def coroutine(func):
    raise NotImplementedError("types.coroutine is not supported by gilvm (it has no async def)")


def _no_async(name):
    class _Refused:
        def __init__(self, *args, **kwargs):
            raise NotImplementedError("types.%s is not supported by gilvm (it has no async def)" % name)
    _Refused.__name__ = _Refused.__qualname__ = name
    return _Refused


CoroutineType = _no_async('CoroutineType')
if UnionType is None:
    class UnionType:
        def __init__(self, *args, **kwargs):
            raise NotImplementedError("types.UnionType (X | Y) is not supported by gilvm")
AsyncGeneratorType = _no_async('AsyncGeneratorType')


def __getattr__(name):
    if name == 'DynamicClassAttribute':
        raise NotImplementedError("types.DynamicClassAttribute is not supported by gilvm")
    raise AttributeError("module 'types' has no attribute %r" % name)


class SimpleNamespace:
    '''A simple attribute-based namespace: SimpleNamespace(**kwargs).'''

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        active = _repr_running
        key = id(self)
        if key in active:
            return '%s(...)' % name
        active.add(key)
        try:
            items = ['%s=%r' % (k, v) for k, v in self.__dict__.items()]
        finally:
            active.discard(key)
        return '%s(%s)' % (name, ', '.join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __hash__(self):
        # CPython's message names the C type: 'types.SimpleNamespace' (subclasses by name).
        name = 'types.SimpleNamespace' if type(self) is SimpleNamespace else type(self).__name__
        raise TypeError("unhashable type: '%s'" % name)

    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))


_repr_running = set()


def resolve_bases(bases):
    '''Resolves the bases of a class as the class statement does, through __mro_entries__.'''
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, '__mro_entries__'):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases")
    return winner


def prepare_class(name, bases=(), kwds=None):
    '''Returns (metaclass, namespace, kwds) for a class about to be created.'''
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    '''Creates a class as a class statement would; exec_body(ns) fills its namespace.'''
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved, ns, **kwds)
