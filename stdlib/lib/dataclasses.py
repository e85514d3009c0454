# dataclasses: @dataclass, field, fields, asdict, astuple, replace and is_dataclass for gilvm.
#
# Written in Python for gilvm after CPython 3.11's behaviour and messages.  gilvm has no
# exec(), so the generated methods are closures over the class's field list rather than
# compiled source; __init__ takes (*args, **kwargs) and binds them itself, raising the
# TypeErrors CPython's argument binding raises, named after '<class qualname>.__init__'.
# Fields come from the class body's __annotations__ (kept by the compiler for class bodies),
# in order, after the fields of dataclass bases (found along __mro__).
# Fields annotated typing.ClassVar (or ClassVar[...]) are class attributes, not fields.
# Not supported: InitVar, slots=, weakref_slot=,
# make_dataclass(), and string annotations are not inspected.
# Invariants: cls.__dataclass_fields__ maps every field name to its Field, base fields first;
# the generated methods read the field list captured at decoration time, as CPython's do.

import copy as _copy
import sys as _sys

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'MISSING', 'KW_ONLY',
           'fields', 'asdict', 'astuple', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return '<dataclasses._MISSING_TYPE object>'


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return '<dataclasses._KW_ONLY_TYPE object>'


# `_: KW_ONLY` in a class body makes the fields after it keyword-only.
KW_ONLY = _KwOnlyType()


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,'
                'hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=_FIELD)'
                % (self.name, self.type, self.default, self.default_factory, self.init,
                   self.repr, self.hash, self.compare, self.metadata, self.kw_only))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _Params:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


# ---- public helpers --------------------------------------------------------------------------

def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_instance(obj):
    return not isinstance(obj, type) and hasattr(type(obj), '__dataclass_fields__')


def fields(class_or_instance):
    try:
        fs = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(fs.values())


def asdict(obj, *, dict_factory=dict):
    if not _is_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    return _convert(obj, lambda x: _asdict_inner(x, dict_factory))


def astuple(obj, *, tuple_factory=tuple):
    if not _is_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    return _convert(obj, lambda x: _astuple_inner(x, tuple_factory))


# Containers are rebuilt with their own type around converted items (namedtuples from
# positional values); anything else is deep-copied, as CPython does.
def _convert(obj, inner):
    if hasattr(type(obj), '_fields') and hasattr(type(obj), '_make'):
        return type(obj)(*[inner(v) for v in obj])
    if isinstance(obj, tuple):
        return type(obj)([inner(v) for v in obj])
    if isinstance(obj, list):
        return type(obj)([inner(v) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(inner(k), inner(v)) for k, v in obj.items()])
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be '
                                 'specified with replace()' % f.name)
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


# ---- the decorator ---------------------------------------------------------------------------

def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False):
    def wrap(c):
        return _process_class(c, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    all_fields = {}
    base_frozen = None
    for base in cls.__mro__[-1:0:-1]:
        base_fields = base.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            base_frozen = base.__dict__['__dataclass_params__'].frozen
            for f in base_fields.values():
                all_fields[f.name] = f
    if base_frozen is not None:
        if base_frozen and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not base_frozen and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    own = _own_fields(cls, kw_only)
    for f in own:
        all_fields[f.name] = f
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls.__dict__.get('__annotations__', {}):
            raise TypeError('%r is a field but has no type annotation' % name)

    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = _Params(init, repr, eq, order, unsafe_hash, frozen)
    flds = list(all_fields.values())
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    if init:
        _check_default_order(flds)
        _set_new(cls, '__init__', _make_init(cls, flds, frozen))
    if repr:
        _set_new(cls, '__repr__', _make_repr([f for f in flds if f.repr]))
    if eq:
        _set_new(cls, '__eq__', _make_eq([f.name for f in flds if f.compare]))
    if order:
        _add_order(cls, [f.name for f in flds if f.compare])
    if frozen:
        _add_frozen(cls, flds)
    _add_hash(cls, flds, eq, frozen, unsafe_hash)
    if match_args and '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple([f.name for f in flds if f.init and not f.kw_only])
    return cls


# The class's own fields, in annotation order; class attributes become the defaults.
def _own_fields(cls, kw_only):
    result = []
    annotations = cls.__dict__.get('__annotations__', {})
    for name, tp in annotations.items():
        if tp is KW_ONLY:
            kw_only = True
            continue
        if _is_classvar(tp):
            continue
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            f = value
        else:
            f = field(default=value)
        f.name = name
        f.type = tp
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if _is_mutable(f.default):
            raise ValueError('mutable default %s for field %s is not allowed: use '
                             'default_factory' % (type(f.default), name))
        if isinstance(value, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        result.append(f)
    return result


def _is_classvar(tp):
    typing = _sys.modules.get('typing')
    if typing is None:
        return False
    if isinstance(tp, str):
        return tp.startswith(('ClassVar', 'typing.ClassVar'))
    return tp is typing.ClassVar or getattr(tp, '__origin__', None) is typing.ClassVar


def _is_mutable(value):
    if value is MISSING:
        return False
    return isinstance(value, (list, dict, bytearray)) or type(value).__hash__ is None


def _has_default(f):
    return f.default is not MISSING or f.default_factory is not MISSING


def _check_default_order(flds):
    seen_default = False
    for f in flds:
        if not f.init or f.kw_only:
            continue
        if _has_default(f):
            seen_default = True
        elif seen_default:
            raise TypeError('non-default argument %r follows default argument' % f.name)


def _set_new(cls, name, fn):
    if name in cls.__dict__:
        return False
    fn.__name__ = name
    fn.__qualname__ = cls.__qualname__ + '.' + name
    setattr(cls, name, fn)
    return True


def _default_value(f):
    if f.default_factory is not MISSING:
        return f.default_factory()
    return f.default


# ---- __init__ --------------------------------------------------------------------------------

def _quoted_list(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _missing_error(fname, names, kind):
    s = '' if len(names) == 1 else 's'
    return TypeError('%s() missing %d required %s argument%s: %s'
                     % (fname, len(names), kind, s, _quoted_list(names)))


def _too_many_error(fname, positional, given, kwonly_given):
    most = len(positional) + 1
    least = most - len([f for f in positional if _has_default(f)])
    if least == most:
        takes = '%d positional argument%s' % (most, '' if most == 1 else 's')
    else:
        takes = 'from %d to %d positional arguments' % (least, most)
    if kwonly_given:
        was = ('%d positional argument%s (and %d keyword-only argument%s) were'
               % (given, '' if given == 1 else 's', kwonly_given,
                  '' if kwonly_given == 1 else 's'))
    else:
        was = '%d %s' % (given, 'was' if given == 1 else 'were')
    return TypeError('%s() takes %s but %s given' % (fname, takes, was))


def _make_init(cls, flds, frozen):
    fname = cls.__qualname__ + '.__init__'
    positional = [f for f in flds if f.init and not f.kw_only]
    keyword_only = [f for f in flds if f.init and f.kw_only]
    init_names = [f.name for f in flds if f.init]
    has_post_init = hasattr(cls, '__post_init__')

    def __init__(*args, **kwargs):
        if not args:
            raise _missing_error(fname, ['self'], 'positional')
        self = args[0]
        values = {}
        for i in range(min(len(args) - 1, len(positional))):
            values[positional[i].name] = args[i + 1]
        for name in kwargs:
            if name not in init_names:
                raise TypeError('%s() got an unexpected keyword argument %r' % (fname, name))
            if name in values:
                raise TypeError('%s() got multiple values for argument %r' % (fname, name))
            values[name] = kwargs[name]
        if len(args) - 1 > len(positional):
            kwonly_given = len([f for f in keyword_only if f.name in kwargs])
            raise _too_many_error(fname, positional, len(args), kwonly_given)
        for group, kind in ((positional, 'positional'), (keyword_only, 'keyword-only')):
            missing = [f.name for f in group if f.name not in values and not _has_default(f)]
            if missing:
                raise _missing_error(fname, missing, kind)
        for f in flds:
            if f.init and f.name in values:
                value = values[f.name]
            elif _has_default(f):
                value = _default_value(f)
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__()
    return __init__


# ---- __repr__, __eq__, ordering ------------------------------------------------------------

_repr_running = {}


def _make_repr(flds):
    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running[key] = True
        try:
            parts = ['%s=%r' % (f.name, getattr(self, f.name)) for f in flds]
        finally:
            del _repr_running[key]
        return self.__class__.__qualname__ + '(' + ', '.join(parts) + ')'
    return __repr__


def _values(obj, names):
    return tuple([getattr(obj, n) for n in names])


def _make_eq(names):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _values(self, names) == _values(other, names)
        return NotImplemented
    return __eq__


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


def _make_order(names, op):
    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(_values(self, names), _values(other, names))
        return NotImplemented
    return compare


def _add_order(cls, names):
    for name, op in (('__lt__', _lt), ('__le__', _le), ('__gt__', _gt), ('__ge__', _ge)):
        if not _set_new(cls, name, _make_order(names, op)):
            raise TypeError('Cannot overwrite attribute %s in class %s. Consider using '
                            'functools.total_ordering' % (name, cls.__name__))


# ---- frozen and __hash__ ---------------------------------------------------------------------

def _add_frozen(cls, flds):
    names = [f.name for f in flds]

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot assign to field %r' % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot delete field %r' % name)
        object.__delattr__(self, name)

    for name, fn in (('__setattr__', __setattr__), ('__delattr__', __delattr__)):
        if not _set_new(cls, name, fn):
            raise TypeError('Cannot overwrite attribute %s in class %s'
                            % (name, cls.__name__))


def _make_hash(names):
    def __hash__(self):
        return hash(_values(self, names))
    return __hash__


# CPython's rules: an explicit __hash__ is kept (unsafe_hash=True then refuses to replace it);
# otherwise eq without frozen makes instances unhashable, and eq with frozen, or
# unsafe_hash, hashes the fields whose hash= (or, when None, compare=) is true.
def _add_hash(cls, flds, eq, frozen, unsafe_hash):
    own_hash = cls.__dict__.get('__hash__', MISSING)
    explicit = own_hash is not MISSING and not (own_hash is None and '__eq__' in cls.__dict__)
    if unsafe_hash:
        if explicit:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)
    elif explicit or not eq:
        return
    elif not frozen:
        cls.__hash__ = None
        return
    names = [f.name for f in flds if (f.compare if f.hash is None else f.hash)]
    fn = _make_hash(names)
    fn.__name__ = '__hash__'
    fn.__qualname__ = cls.__qualname__ + '.__hash__'
    cls.__hash__ = fn
