"""typing for gilvm: the runtime side of type hints.

Written for gilvm with CPython 3.11's documented behaviour as the spec (reprs and error
messages included).  Type hints do nothing at run time; what this module gives is what
scripts see: subscriptable aliases (List[int], Dict[str, int], Optional[X], Union[A, B],
Tuple[int, ...], Callable[[int], str], the collections.abc aliases), Any and the other special
forms, TypeVar, Generic (user generic classes, Box[int]()), Protocol with runtime_checkable,
NamedTuple and TypedDict (class and call syntax), NewType, Literal, Final, ClassVar,
Annotated, cast, overload, final, no_type_check, TYPE_CHECKING, get_type_hints, get_origin,
get_args, assert_never, assert_type, reveal_type and the Supports* protocols.

Left out (each raises NotImplementedError naming it): ParamSpec, TypeVarTuple, Concatenate,
Unpack, dataclass_transform.  Generic NamedTuples and generic TypedDicts are not supported.
Differences: isinstance()/issubclass() against an alias object (List, Iterable,
Union[int, str], and the TypeError of List[int]) need gilvm's isinstance to consult the
__instancecheck__ of objects that are not classes, which it does not do yet; until then they
raise "isinstance() arg 2 must be a type, a tuple of types, or a union".  gilvm keeps no
function annotations yet, so get_type_hints() of a function
raises NotImplementedError; NewType reprs name the module '__main__' (gilvm has no
sys._getframe to find the caller's module); IO, TextIO and BinaryIO are plain generic classes.
"""

import collections
import collections.abc
import functools
import operator
import re as _re
import sys
import types
from abc import ABCMeta, abstractmethod

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Final', 'ForwardRef', 'Generic', 'Literal',
    'Optional', 'Protocol', 'Tuple', 'Type', 'TypeVar', 'Union',
    'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable', 'ItemsView',
    'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView', 'MutableMapping',
    'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView', 'Awaitable',
    'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator',
    'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes', 'SupportsComplex',
    'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
    'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator', 'BinaryIO', 'IO', 'Match', 'Pattern',
    'TextIO', 'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads', 'final',
    'get_args', 'get_origin', 'get_overloads', 'get_type_hints', 'is_typeddict',
    'LiteralString', 'Never', 'NewType', 'no_type_check', 'no_type_check_decorator',
    'NoReturn', 'NotRequired', 'overload', 'Required', 'reveal_type', 'runtime_checkable',
    'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'ParamSpec', 'TypeVarTuple',
    'Concatenate', 'Unpack', 'dataclass_transform',
]

TYPE_CHECKING = False
_NoneType = type(None)
_PyGenericAlias = type(list[int])


# --- helpers ------------------------------------------------------------------------------

def _type_repr(obj):
    """How a type appears inside the repr of a subscripted alias."""
    if isinstance(obj, type) and not isinstance(obj, _BaseAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is Ellipsis:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    if isinstance(obj, list):
        return '[%s]' % ', '.join(_type_repr(a) for a in obj)
    return repr(obj)


def _type_convert(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _type_check(arg, msg, allow_special=False):
    """Checks one argument of a subscription: a type or something standing for one."""
    arg = _type_convert(arg)
    if isinstance(arg, _BaseAlias) and arg.__origin__ in (ClassVar, Final) and not allow_special:
        raise TypeError("%s is not valid as type argument" % (arg,))
    if arg in (Any, NoReturn, Never, Self, LiteralString, TypeAlias):
        return arg
    if isinstance(arg, _SpecialForm) and not allow_special:
        if arg in (ClassVar, Final, Union, Optional, Literal, Generic, Protocol):
            raise TypeError("Plain %s is not valid as type argument" % (arg,))
    if type(arg) is tuple:
        raise TypeError("%s Got %.100r." % (msg, arg))
    return arg


def _unpack_args(params):
    return params if isinstance(params, tuple) else (params,)


def _collect_parameters(args):
    params = []
    for t in args:
        if isinstance(t, TypeVar):
            if t not in params:
                params.append(t)
        elif isinstance(t, list):
            for p in _collect_parameters(tuple(t)):
                if p not in params:
                    params.append(p)
        else:
            for p in getattr(t, '__parameters__', ()) if not isinstance(t, type) else ():
                if p not in params:
                    params.append(p)
    return tuple(params)


def _check_arity(alias_or_cls, params, nparams):
    if len(params) != nparams:
        raise TypeError("Too %s arguments for %s; actual %d, expected %d"
                        % ('many' if len(params) > nparams else 'few', alias_or_cls,
                           len(params), nparams))


def _substitute(arg, subst):
    if isinstance(arg, TypeVar):
        return subst.get(arg, arg)
    if isinstance(arg, list):
        return [_substitute(a, subst) for a in arg]
    if isinstance(arg, _BaseAlias) and arg.__parameters__:
        return arg[tuple(subst.get(p, p) for p in arg.__parameters__)]
    return arg


# --- special forms ------------------------------------------------------------------------

class _SpecialForm:
    """Any, Union, Optional, ClassVar ...: objects that print as typing.<name>."""

    # (no __slots__: gilvm puts __doc__ in every class namespace, which would clash)

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass %r" % (self,))

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate %r" % (self,))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError("%s cannot be used with isinstance()" % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError("%s cannot be used with issubclass()" % (self,))

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type compatible with every type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


def _bare_form(name, doc):
    def getitem(self, parameters):
        raise TypeError("%r is not subscriptable" % (self,))
    getitem.__name__ = name
    getitem.__doc__ = doc
    return _SpecialForm(getitem)


NoReturn = _bare_form('NoReturn', 'The return type of a function that never returns.')
Never = _bare_form('Never', 'The bottom type, which has no members.')
Self = _bare_form('Self', 'The type of the current enclosing class.')
LiteralString = _bare_form('LiteralString', 'A string built only from literals.')
TypeAlias = _bare_form('TypeAlias', 'Marks an explicit type alias.')


def ClassVar(self, parameters):
    """Marks a class variable in an annotation."""
    item = _type_check(parameters, '%s accepts only single type.' % (self,))
    if isinstance(parameters, tuple):
        raise TypeError("%s accepts only single type. Got %.100r." % (self, parameters))
    return _GenericAlias(self, (item,))


def Final(self, parameters):
    """Marks a name that cannot be re-assigned or overridden."""
    if isinstance(parameters, tuple):
        raise TypeError("%s accepts only single type. Got %.100r." % (self, parameters))
    item = _type_check(parameters, '%s accepts only single type.' % (self,))
    return _GenericAlias(self, (item,))


def Required(self, parameters):
    """Marks a TypedDict key as required."""
    item = _type_check(parameters, '%s accepts only a single type.' % (self._name,))
    return _GenericAlias(self, (item,))


def NotRequired(self, parameters):
    """Marks a TypedDict key as possibly missing."""
    item = _type_check(parameters, '%s accepts only a single type.' % (self._name,))
    return _GenericAlias(self, (item,))


def TypeGuard(self, parameters):
    """Marks a user-defined type guard function's return."""
    item = _type_check(parameters, '%s accepts only single type.' % (self,))
    return _GenericAlias(self, (item,))


def Union(self, parameters):
    """Union[X, Y]: either X or Y."""
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = "Union[arg, ...]: each arg must be a type."
    flat = []
    for p in parameters:
        p = _type_check(p, msg)
        if isinstance(p, _UnionGenericAlias):
            for q in p.__args__:
                flat.append(q)
        else:
            flat.append(p)
    unique = []
    for p in flat:
        if p not in unique:
            unique.append(p)
    if len(unique) == 1:
        return unique[0]
    return _UnionGenericAlias(self, tuple(unique))


def Optional(self, parameters):
    """Optional[X] is Union[X, None]."""
    if isinstance(parameters, tuple):
        raise TypeError("%s requires a single type. Got %.100r." % (self, parameters))
    arg = _type_check(parameters, "%s requires a single type." % (self,))
    return Union[arg, type(None)]


def Literal(self, parameters):
    """Literal[v, ...]: exactly one of the given values."""
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    unique = []
    for p in flat:
        if not any(type(p) is type(q) and p == q for q in unique):
            unique.append(p)
    return _LiteralGenericAlias(self, tuple(unique))


def Concatenate(self, parameters):
    raise NotImplementedError("typing.Concatenate is not supported by gilvm")


def Unpack(self, parameters):
    raise NotImplementedError("typing.Unpack is not supported by gilvm")


ClassVar = _SpecialForm(ClassVar)
Final = _SpecialForm(Final)
Required = _SpecialForm(Required)
NotRequired = _SpecialForm(NotRequired)
TypeGuard = _SpecialForm(TypeGuard)
Union = _SpecialForm(Union)
Optional = _SpecialForm(Optional)
Literal = _SpecialForm(Literal)
Concatenate = _SpecialForm(Concatenate)
Unpack = _SpecialForm(Unpack)


# --- forward references and type variables ------------------------------------------------

class ForwardRef:
    """A type written as a string, evaluated later by get_type_hints()."""

    __slots__ = ('__forward_arg__', '__forward_evaluated__', '__forward_value__',
                 '__forward_is_argument__', '__forward_is_class__', '__forward_module__')

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got %r" % (arg,))
        try:
            compile(arg, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError("Forward reference must be an expression -- got %r" % (arg,))
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns):
        value = eval(self.__forward_arg__, globalns, localns)
        return _eval_type(_type_convert(value), globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__ and \
            self.__forward_module__ == other.__forward_module__

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if self.__forward_module__ is None:
            return 'ForwardRef(%r)' % (self.__forward_arg__,)
        return 'ForwardRef(%r, module=%r)' % (self.__forward_arg__, self.__forward_module__)


class TypeVar:
    """A type variable: T = TypeVar('T'), TypeVar('N', int, float), TypeVar('B', bound=Base)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        msg = "TypeVar(name, constraint, ...): constraints must be types."
        self.__constraints__ = tuple(_type_check(t, msg) for t in constraints)
        self.__bound__ = _type_check(bound, "Bound must be a type.") if bound is not None else None
        self.__module__ = '__main__'

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of TypeVar")

    def __reduce__(self):
        return self.__name__


class ParamSpec:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("typing.ParamSpec is not supported by gilvm")


class TypeVarTuple:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("typing.TypeVarTuple is not supported by gilvm")


def dataclass_transform(**kwargs):
    raise NotImplementedError("typing.dataclass_transform is not supported by gilvm")




# --- aliases ------------------------------------------------------------------------------

class _BaseAlias:
    """Common base of the subscripted and bare aliases."""

    def __init__(self, origin, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, self.__origin__.__name__))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        if '__origin__' in self.__dict__ and not (attr.startswith('__') and attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, val):
        if attr in ('_name', '_inst', '_nparams', '__origin__', '__args__', '__parameters__',
                    '__metadata__', '_defaults') or (attr.startswith('__') and attr.endswith('__')):
            object.__setattr__(self, attr, val)
        else:
            setattr(self.__origin__, attr, val)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias(_BaseAlias):
    """A subscripted alias: List[int], Box[T], ClassVar[int] ..."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = origin.__module__

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError("Cannot subscript already-subscripted %s" % (self,))
        if not self.__parameters__:
            raise TypeError("%s is not a generic class" % (self,))
        args = _unpack_args(args)
        args = tuple(_type_convert(a) for a in args)
        _check_arity(self, args, len(self.__parameters__))
        subst = dict(zip(self.__parameters__, args))
        new_args = tuple(_substitute(a, subst) for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join(_type_repr(a) for a in self.__args__)
        else:
            args = '()'
        return '%s[%s]' % (name, args)

    def __reduce__(self):
        return operator.getitem, (self.__origin__, self.__args__)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError("Cannot subclass %r" % (self,))
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __iter__(self):
        raise TypeError("%r object is not iterable" % (type(self).__name__,))


class _TypingEllipsis:
    pass


class _CallableGenericAlias(_GenericAlias):
    def copy_with(self, args):
        return _CallableGenericAlias(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is Ellipsis:
            return 'typing.Callable[..., %s]' % _type_repr(args[1])
        return 'typing.Callable[[%s], %s]' % (', '.join(_type_repr(a) for a in args[:-1]),
                                              _type_repr(args[-1]))


class _UnionGenericAlias(_GenericAlias):
    def copy_with(self, args):
        return Union[args]

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[1])
            if args[1] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[0])
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if isinstance(arg, _BaseAlias) or not isinstance(arg, type):
                raise TypeError("Subscripted generics cannot be used with class and instance checks")
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass %r" % (self,))


class _LiteralGenericAlias(_GenericAlias):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        return 'typing.Literal[%s]' % ', '.join(repr(a) for a in self.__args__)


class _SpecialGenericAlias(_BaseAlias):
    """A bare alias of a class: List, Dict, Iterable ... (subscript it to get a _GenericAlias)."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        self._defaults = defaults
        self.__module__ = 'typing'

    def __getitem__(self, params):
        params = _unpack_args(params)
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        if self._defaults and len(params) < self._nparams and \
                len(params) + len(self._defaults) >= self._nparams:
            params = params + self._defaults[len(params) + len(self._defaults) - self._nparams:]
        _check_arity(self, params, self._nparams)
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self._name == other._name

    def __hash__(self):
        return hash((self.__origin__, self._name))

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __reduce__(self):
        return self._name


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is Ellipsis:
            params = (Ellipsis, result)
        else:
            if not isinstance(args, list):
                args = [args]      # as CPython 3.11: Callable[int, str] is Callable[[int], str]
            params = tuple(args) + (result,)
        msg = "Callable[args, result]: each arg must be a type."
        params = tuple(p if p is Ellipsis else _type_check(p, msg) for p in params)
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return _GenericAlias(self.__origin__, params + (_TypingEllipsis,),
                                 name=self._name, inst=self._inst)
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        params = tuple(_type_check(p, msg) for p in params)
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


AnyStr = TypeVar('AnyStr', bytes, str)
AnyStr.__module__ = 'typing'
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)
for _tv in (T, KT, VT, T_co, V_co, VT_co, T_contra, CT_co):
    _tv.__module__ = 'typing'
Text = str

_abc = collections.abc
Hashable = _SpecialGenericAlias(_abc.Hashable, 0)
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1)
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3)
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1)
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1)
Iterable = _SpecialGenericAlias(_abc.Iterable, 1)
Iterator = _SpecialGenericAlias(_abc.Iterator, 1)
Reversible = _SpecialGenericAlias(_abc.Reversible, 1)
Sized = _SpecialGenericAlias(_abc.Sized, 0)
Container = _SpecialGenericAlias(_abc.Container, 1)
Collection = _SpecialGenericAlias(_abc.Collection, 1)
Callable = _CallableType(_abc.Callable, 2)
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, name='AbstractSet')
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1)
Mapping = _SpecialGenericAlias(_abc.Mapping, 2)
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2)
Sequence = _SpecialGenericAlias(_abc.Sequence, 1)
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1)
ByteString = _SpecialGenericAlias(_abc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _SpecialGenericAlias(list, 1, inst=False, name='List')
Deque = _SpecialGenericAlias(collections.deque, 1, name='Deque')
Set = _SpecialGenericAlias(set, 1, inst=False, name='Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _SpecialGenericAlias(_abc.MappingView, 1)
KeysView = _SpecialGenericAlias(_abc.KeysView, 1)
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2)
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1)
Dict = _SpecialGenericAlias(dict, 2, inst=False, name='Dict')
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2)
Counter = _SpecialGenericAlias(collections.Counter, 1)
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2)
Generator = _SpecialGenericAlias(_abc.Generator, 3)
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2)
Type = _SpecialGenericAlias(type, 1, inst=False, name='Type')
Pattern = _SpecialGenericAlias(type(_re.compile('')), 1, name='Pattern')
Match = _SpecialGenericAlias(type(_re.compile('').match('')), 1, name='Match')


def _context_manager_types():
    import contextlib
    cm = getattr(contextlib, 'AbstractContextManager', None)
    acm = getattr(contextlib, 'AbstractAsyncContextManager', None)
    if cm is None:
        # gilvm's contextlib has no AbstractContextManager: a structural ABC in its place.
        class AbstractContextManager(metaclass=ABCMeta):
            def __enter__(self):
                return self

            @abstractmethod
            def __exit__(self, exc_type, exc_value, traceback):
                return None

            @classmethod
            def __subclasshook__(cls, C):
                if cls is AbstractContextManager:
                    return _abc._check_methods(C, "__enter__", "__exit__")
                return NotImplemented
        AbstractContextManager.__module__ = 'contextlib'
        cm = AbstractContextManager
    if acm is None:
        class AbstractAsyncContextManager(metaclass=ABCMeta):
            @classmethod
            def __subclasshook__(cls, C):
                if cls is AbstractAsyncContextManager:
                    return _abc._check_methods(C, "__aenter__", "__aexit__")
                return NotImplemented
        AbstractAsyncContextManager.__module__ = 'contextlib'
        acm = AbstractAsyncContextManager
    return cm, acm


_cm, _acm = _context_manager_types()
ContextManager = _SpecialGenericAlias(_cm, 1, name='ContextManager')
AsyncContextManager = _SpecialGenericAlias(_acm, 1, name='AsyncContextManager')
del _cm, _acm


# --- Generic and Protocol ---------------------------------------------------------------

class Generic:
    """The base of user generic classes: class Box(Generic[T]): ...; Box[int]()."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        params = _unpack_args(params)
        if not params and cls is not Tuple:
            raise TypeError("Parameter list to %s[...] cannot be empty" % (cls.__qualname__,))
        params = tuple(_type_convert(p) for p in params)
        if cls in (Generic, Protocol):
            for p in params:
                if not isinstance(p, TypeVar):
                    raise TypeError("Parameters to %s[...] must all be type variables "
                                    "or parameter specification variables." % (cls.__name__,))
            if len(set(params)) != len(params):
                raise TypeError("Parameters to %s[...] must all be unique" % (cls.__name__,))
        else:
            if not cls.__dict__.get('__parameters__', ()) and not getattr(cls, '__parameters__', ()):
                raise TypeError("%s is not a generic class" % (cls,))
            _check_arity(cls, params, len(cls.__parameters__))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        if '__orig_bases__' in cls.__dict__:
            error = Generic in cls.__orig_bases__
        else:
            error = (Generic in cls.__bases__ and cls.__name__ != 'Protocol'
                     and type(cls) is not _TypedDictMeta)
        if error:
            raise TypeError("Cannot inherit from plain Generic")
        if '__orig_bases__' in cls.__dict__:
            tvars = list(_collect_parameters(cls.__orig_bases__))
            gvars = None
            for base in cls.__orig_bases__:
                if isinstance(base, _GenericAlias) and base.__origin__ in (Generic, Protocol):
                    if gvars is not None:
                        raise TypeError("Cannot inherit from Generic[...] multiple times.")
                    gvars = base.__parameters__
            if gvars is not None:
                missing = [t for t in tvars if t not in gvars]
                if missing:
                    s_vars = ', '.join(str(t) for t in missing)
                    s_args = ', '.join(str(g) for g in gvars)
                    raise TypeError("Some type variables (%s) are not listed in %s[%s]"
                                    % (s_vars, 'Generic', s_args))
                tvars = list(gvars)
        cls.__parameters__ = tuple(tvars)


Generic.__parameters__ = ()

_PROTO_EXCLUDED = frozenset([
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
    '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__',
    '__parameters__', '__orig_bases__', '__qualname__', '__init_subclass__', '__match_args__',
    '_is_protocol', '_is_runtime_protocol', '_abc_registry', '_abc_cache', '__protocol_attrs__',
    '__non_callable_proto_members__', '__firstlineno__', '__static_attributes__'])


def _get_protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        names = list(base.__dict__.keys()) + list(base.__dict__.get('__annotations__', {}).keys())
        for attr in names:
            if not attr.startswith('_abc_') and attr not in _PROTO_EXCLUDED and attr not in attrs:
                attrs.append(attr)
    return attrs


class _ProtocolMeta(ABCMeta):
    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get('_is_protocol', False):
            raise TypeError('Protocols cannot be instantiated')
        return super().__call__(*args, **kwargs)

    def __instancecheck__(cls, instance):
        if not cls.__dict__.get('_is_protocol', False):
            return super().__instancecheck__(instance)
        if cls is Protocol:
            return Protocol in type(instance).__mro__
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with "
                            "@runtime_checkable protocols")
        if cls in type(instance).__mro__:
            return True
        for attr in _get_protocol_attrs(cls):
            if not hasattr(instance, attr):
                return False
            if callable(getattr(cls, attr, None)) and getattr(instance, attr) is None:
                return False
        return True

    def __subclasscheck__(cls, other):
        if not cls.__dict__.get('_is_protocol', False):
            return super().__subclasscheck__(other)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with "
                            "@runtime_checkable protocols")
        if not isinstance(other, type):
            raise TypeError('issubclass() arg 1 must be a class')
        attrs = _get_protocol_attrs(cls)
        for attr in attrs:
            if not callable(getattr(cls, attr, None)):
                raise TypeError("Protocols with non-method members don't support issubclass()")
        if super().__subclasscheck__(other):
            return True
        for attr in attrs:
            for base in other.__mro__:
                if attr in base.__dict__:
                    if base.__dict__[attr] is None:
                        return False
                    break
            else:
                return False
        return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    """The base of protocol classes (structural types); see runtime_checkable."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        for base in cls.__bases__:
            if cls._is_protocol and not (base in (object, Generic) or
                                         base.__dict__.get('_is_protocol', False)
                                         or base.__name__ == 'Protocol'):
                raise TypeError('Protocols can only inherit from other protocols, got %r'
                                % (base,))


def runtime_checkable(cls):
    """Lets isinstance() and issubclass() check a protocol's members at run time."""
    if not isinstance(cls, type) or not issubclass(cls, Generic) or \
            not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r'
                        % (cls,))
    cls._is_runtime_protocol = True
    return cls


@runtime_checkable
class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""
    __slots__ = ()

    @abstractmethod
    def __int__(self):
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""
    __slots__ = ()

    @abstractmethod
    def __float__(self):
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""
    __slots__ = ()

    @abstractmethod
    def __complex__(self):
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""
    __slots__ = ()

    @abstractmethod
    def __bytes__(self):
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""
    __slots__ = ()

    @abstractmethod
    def __index__(self):
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    """An ABC with one abstract method __abs__."""
    __slots__ = ()

    @abstractmethod
    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    """An ABC with one abstract method __round__."""
    __slots__ = ()

    @abstractmethod
    def __round__(self, ndigits=0):
        pass


class IO(Generic[AnyStr]):
    """Generic base of file objects (a plain class in gilvm)."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    """Typed version of the return of open() in binary mode."""
    __slots__ = ()


class TextIO(IO[str]):
    """Typed version of the return of open() in text mode."""
    __slots__ = ()


# --- Annotated --------------------------------------------------------------------------

class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (_type_repr(self.__origin__),
                                             ', '.join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class Annotated:
    """Annotated[T, x]: the type T with context-specific metadata x."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments "
                            "(a type and an annotation).")
        msg = "Annotated[t, ...]: t must be a type."
        origin = _type_check(params[0], msg, allow_special=True)
        return _AnnotatedAlias(origin, tuple(params[1:]))

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("Cannot subclass %s.Annotated" % (cls.__module__,))


# --- NamedTuple -------------------------------------------------------------------------

_NT_PROHIBITED = frozenset(['__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                            '_field_defaults', '_make', '_replace', '_asdict', '_source'])
_NT_SPECIAL = frozenset(['__module__', '__name__', '__annotations__', '__qualname__',
                         '__orig_bases__', '__doc__'])


def _make_nmtuple(name, fields, defaults, module):
    types_ = {n: _type_check(t, "field %s annotation must be a type" % n) for n, t in fields}
    nm = collections.namedtuple(name, [n for n, t in fields], defaults=defaults, module=module)
    nm.__annotations__ = types_
    return nm


class _NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is Generic:
                raise NotImplementedError("generic typing.NamedTuple is not supported by gilvm")
            if base is not _NamedTuple:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        annotations = ns.get('__annotations__', {})
        default_names = []
        for field_name in annotations:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (field_name, 's' if len(default_names) > 1 else '',
                                   ', '.join(default_names)))
        nm_tpl = _make_nmtuple(typename, list(annotations.items()),
                               [ns[n] for n in default_names], ns.get('__module__', '__main__'))
        for key in ns:
            if key in _NT_PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NT_SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        if '__doc__' in ns and ns['__doc__'] is not None:
            nm_tpl.__doc__ = ns['__doc__']
        if '__qualname__' in ns:
            nm_tpl.__qualname__ = ns['__qualname__']
        return nm_tpl


class _NamedTupleFactory:
    """NamedTuple: `class P(NamedTuple): x: int` or NamedTuple('P', [('x', int)])."""

    __name__ = __qualname__ = 'NamedTuple'

    def __call__(self, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords can be provided to NamedTuple, "
                            "not both")
        return _make_nmtuple(typename, list(fields), None, '__main__')

    def __mro_entries__(self, bases):
        return (_NamedTuple,)

    def __repr__(self):
        return '<function NamedTuple>'


_NamedTuple = type.__new__(_NamedTupleMeta, '_NamedTuple', (), {'__module__': 'typing'})
NamedTuple = _NamedTupleFactory()


# --- TypedDict --------------------------------------------------------------------------

class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type and a non-TypedDict '
                                'base class')
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), dict(ns))
        annotations = {}
        own = ns.get('__annotations__', {})
        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own = {n: _type_check(tp, msg, allow_special=True) for n, tp in own.items()}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own)
        for key, tp in own.items():
            origin = getattr(tp, '__origin__', None)
            if origin is Required:
                is_required = True
            elif origin is NotRequired:
                is_required = False
            else:
                is_required = total
            if is_required:
                required.add(key)
                optional.discard(key)
            else:
                optional.add(key)
                required.discard(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required)
        tp_dict.__optional_keys__ = frozenset(optional)
        tp_dict.__total__ = total
        return tp_dict

    def __init__(cls, *args, **kwargs):
        pass

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


class _TypedDictFactory:
    """TypedDict: `class Movie(TypedDict): name: str` or TypedDict('Movie', {'name': str})."""

    __name__ = __qualname__ = 'TypedDict'

    def __call__(self, typename, fields=None, /, *, total=True, **kwargs):
        if fields is None:
            fields = kwargs
        elif kwargs:
            raise TypeError("TypedDict takes either a dict or keyword arguments, but not both")
        ns = {'__annotations__': dict(fields), '__module__': '__main__'}
        return _TypedDictMeta(typename, (), ns, total=total)

    def __mro_entries__(self, bases):
        return (_TypedDict,)

    def __repr__(self):
        return '<function TypedDict>'


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {'__module__': 'typing'})
TypedDict = _TypedDictFactory()


def is_typeddict(tp):
    """True for a class made by TypedDict."""
    return isinstance(tp, _TypedDictMeta)


# --- NewType ----------------------------------------------------------------------------

class NewType:
    """NewType('UserId', int): a distinct name for a type, the identity function at run time."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __mro_entries__(self, bases):
        # The class statement's name is only known once the class exists: a stand-in base
        # refuses it from __init_subclass__.
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError("Cannot subclass an instance of NewType. Perhaps you were "
                                "looking for: `%s = NewType(%r, %s)`"
                                % (subclass_name, subclass_name, superclass_name))
        return (Dummy,)

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# --- functions --------------------------------------------------------------------------

def cast(typ, val):
    """Returns val unchanged (a hint to type checkers)."""
    return val


def assert_type(val, typ, /):
    """Returns val unchanged (a hint to type checkers)."""
    return val


def assert_never(arg, /):
    """Raises AssertionError: code that should be unreachable was reached."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError("Expected code to be unreachable, but got: %s" % value)


def reveal_type(obj, /):
    """Prints the run-time type of obj to stderr and returns obj."""
    print("Runtime type is %r" % (type(obj).__name__,), file=sys.stderr)
    return obj


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. A series of @typing.overload-decorated "
        "functions outside a stub module should always be followed by an implementation that "
        "is not @typing.overload-decorated.")


def overload(func):
    """Marks one signature of an overloaded function; the last, undecorated one is used."""
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    _overload_registry.setdefault(key, []).append(func)
    return _overload_dummy


def get_overloads(func):
    """The @overload-decorated definitions of func."""
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    _overload_registry.clear()


def final(f):
    """Marks a method or class final; sets __final__ where it can."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Marks a function or class as not to be type checked."""
    if isinstance(arg, type):
        for key in dir(arg):
            obj = getattr(arg, key)
            if isinstance(obj, types.FunctionType):
                try:
                    obj.__no_type_check__ = True
                except (AttributeError, TypeError):
                    pass
    try:
        arg.__no_type_check__ = True
    except (AttributeError, TypeError):
        pass
    return arg


def no_type_check_decorator(decorator):
    """Makes a decorator whose results are no_type_check'ed."""
    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped_decorator


def _eval_type(t, globalns, localns):
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns)
    if isinstance(t, _AnnotatedAlias):
        return _AnnotatedAlias(_eval_type(t.__origin__, globalns, localns), t.__metadata__)
    if isinstance(t, _GenericAlias):
        ev_args = tuple(_eval_type(a, globalns, localns) for a in t.__args__)
        if ev_args == t.__args__:
            return t
        if isinstance(t, _UnionGenericAlias):
            return Union[ev_args]
        if isinstance(t, _LiteralGenericAlias):
            return t
        if t.__origin__ in (ClassVar, Final, Required, NotRequired, TypeGuard):
            return _GenericAlias(t.__origin__, ev_args)
        return t.copy_with(ev_args)
    if isinstance(t, _PyGenericAlias):
        ev_args = tuple(_eval_type(_type_convert(a), globalns, localns) for a in t.__args__)
        return t.__origin__[ev_args] if ev_args != t.__args__ else t
    return t


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _GenericAlias) and not isinstance(t, _LiteralGenericAlias):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        if isinstance(t, _UnionGenericAlias):
            return Union[stripped]
        return t.copy_with(stripped)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class, module or function, with strings evaluated and
    None made NoneType."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            if globalns is None:
                mod = sys.modules.get(base.__module__)
                base_globals = getattr(mod, '__dict__', {})
            else:
                base_globals = globalns
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = _NoneType
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False, is_class=True)
                hints[name] = _eval_type(value, base_globals, base_locals)
    else:
        if isinstance(obj, types.ModuleType):
            ann = getattr(obj, '__annotations__', {})
            if globalns is None:
                globalns = obj.__dict__
        else:
            if not hasattr(obj, '__annotations__'):
                if callable(obj):
                    raise NotImplementedError(
                        "typing.get_type_hints() of a function is not supported by gilvm "
                        "(it keeps no function annotations)")
                raise TypeError('%r is not a module, class, method, or function.' % (obj,))
            ann = obj.__annotations__
            if globalns is None:
                nsobj = obj
                while hasattr(nsobj, '__wrapped__'):
                    nsobj = nsobj.__wrapped__
                globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
        elif globalns is None:
            globalns = localns
        for name, value in ann.items():
            if value is None:
                value = _NoneType
            if isinstance(value, str):
                value = ForwardRef(value, is_argument=not isinstance(obj, types.ModuleType),
                                   is_class=False)
            hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(v) for k, v in hints.items()}


def get_origin(tp):
    """The unsubscripted version of a type: get_origin(List[int]) is list."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseAlias, _PyGenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """The arguments of a subscripted type: get_args(Dict[str, int]) is (str, int)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _PyGenericAlias)):
        res = tp.__args__
        if isinstance(tp, _CallableGenericAlias) or \
                (isinstance(tp, _PyGenericAlias) and tp.__origin__ is collections.abc.Callable):
            if res and res[0] is not Ellipsis:
                res = (list(res[:-1]), res[-1])
        return res
    return ()
