# enum: Enum, IntEnum, Flag, IntFlag, auto and unique for gilvm.
#
# Written in Python for gilvm after CPython 3.11's behaviour and messages.  EnumType is a
# metaclass within gilvm's limits (vm/function.cc, BuildClass): type makes the class from the
# body's namespace (no __prepare__), then EnumType.__init__ turns the plain attributes into
# members, in the namespace's order (definition order).  EnumType's __iter__, __len__,
# __getitem__, __contains__ and __repr__ then apply to the enum classes.
# Differences from CPython: IntEnum and IntFlag are not int subclasses (isinstance(x, int) is
# False; they implement int's operators instead); the functional API Enum('Name', 'A B') and
# boundary= are not supported; assigning to members is not refused.
# Invariants: _member_names_ lists the canonical members in definition order; _member_map_
# maps every name (aliases too) to its member; _value2member_map_ maps hashable values.

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'Flag', 'IntFlag', 'auto', 'unique']


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    '''A placeholder for a member value that _generate_next_value_ picks.'''

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)

    # Without __prepare__, `WHITE = RED | BLUE` in a class body sees the auto objects
    # themselves, so combining them records the expression for EnumType to work out later.
    def __or__(self, other):
        return _AutoExpr(_or, self, other)

    def __and__(self, other):
        return _AutoExpr(_and, self, other)

    def __xor__(self, other):
        return _AutoExpr(_xor, self, other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def _or(a, b):
    return a | b


def _and(a, b):
    return a & b


def _xor(a, b):
    return a ^ b


def _resolve(x):
    if isinstance(x, _AutoExpr):
        return x.op(_resolve(x.left), _resolve(x.right))
    if isinstance(x, auto):
        return x.value
    return x


class _AutoExpr(auto):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right
        self.value = _auto_null


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(value):
    return (callable(value) or isinstance(value, (property, classmethod, staticmethod))
            or hasattr(value, '__get__'))


def _is_single_bit(value):
    return value > 0 and value & (value - 1) == 0


def _data_type(cls):
    # The first base along the MRO, other than object and the enums, that makes its own
    # instances (int, str, a user class with __new__), as CPython's _find_data_type_.
    for base in cls.__mro__[1:]:
        if base is object or isinstance(base, EnumType):
            continue
        if '__new__' in base.__dict__:
            return base
    return None


class EnumType(type):
    '''The metaclass of enums: makes members, and makes the class iterable and indexable.'''

    def __init__(cls, name, bases, namespace, **kwargs):
        for base in bases:
            if getattr(base, '_member_names_', None):
                raise TypeError('%r cannot extend %r' % (cls, base))
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._unhashable_members_ = []
        cls._flag_mask_ = 0
        values = []
        for key, value in list(namespace.items()):
            if _is_dunder(key) or _is_sunder(key) or key.startswith('_%s__' % name):
                continue
            if _is_descriptor(value):
                continue
            if isinstance(value, _AutoExpr):
                value.value = _resolve(value)
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = cls._generate_next_value_(key, 1, len(cls._member_names_),
                                                            values[:])
                value = value.value
            values.append(value)
            cls._add_member_(key, value)

    def _add_member_(cls, key, value):
        existing = cls._lookup_value_(value)
        if existing is not None:
            member = existing
        else:
            args = value if type(value) is tuple else (value,)
            data_type = _data_type(cls)
            if data_type is None:
                member = object.__new__(cls)
            else:
                # A mixin such as int in `class E(int, Enum)`: members are real ints.
                member = data_type.__new__(cls, *args)
            member._name_ = key
            member._value_ = value
            member.__init__(*args)
            if cls._is_canonical_(value):
                cls._member_names_.append(key)
                if cls._kind_ == 'flag':
                    cls._flag_mask_ |= value
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                cls._unhashable_members_.append(member)
        cls._member_map_[key] = member
        setattr(cls, key, member)

    def _is_canonical_(cls, value):
        if cls._kind_ == 'flag':
            return type(value) is int and _is_single_bit(value)
        return True

    def _lookup_value_(cls, value):
        try:
            return cls._value2member_map_.get(value)
        except TypeError:
            for member in cls._unhashable_members_:
                if member._value_ == value:
                    return member
            return None

    def __call__(cls, value, *args, **kwargs):
        # A lookup, not a construction: members' __init__ must not run again.
        if args or kwargs:
            raise TypeError("gilvm's enum does not support the functional API "
                            "Enum('Name', names) yet")
        return cls.__new__(cls, value)

    def __getattr__(cls, name):
        # Only reached for names the class does not have.
        if _is_dunder(name) or name == '_member_map_':
            raise AttributeError(name)
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_[::-1]])

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, type(cls).__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        return "<%s %r>" % (cls._kind_, cls.__name__)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    '''The base of enumerations: members are the class attributes, each a singleton.'''

    _kind_ = 'enum'

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        member = cls._lookup_value_(value)
        if member is not None:
            return member
        member = cls._missing_(value)
        if member is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        return member

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)


class Flag(Enum):
    '''Members are bit flags that combine with | & ^ ~.'''

    _kind_ = 'flag'

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(last_values)
        if type(high) is not int:
            raise TypeError('invalid flag value %r' % (high,))
        return 1 << high.bit_length()

    @classmethod
    def _missing_(cls, value):
        if type(value) is not int:
            return None
        extra = value & ~cls._flag_mask_
        if value < 0 or (extra and not cls._keeps_extra_bits_()):
            raise ValueError('%r invalid value %r' % (cls, value))
        return cls._pseudo_member_(value)

    @classmethod
    def _keeps_extra_bits_(cls):
        return False

    @classmethod
    def _pseudo_member_(cls, value):
        names = []
        for name in cls._member_names_:
            bit = cls._member_map_[name]._value_
            if value & bit:
                names.append(name)
        extra = value & ~cls._flag_mask_
        if extra:
            names.append(str(extra))
        member = object.__new__(cls)
        member._value_ = value
        member._name_ = '|'.join(names) if names else None
        cls._value2member_map_[value] = member
        return member

    def _members_in_(self):
        return [m for m in type(self) if m._value_ & self._value_ == m._value_]

    def __iter__(self):
        return iter(self._members_in_())

    def __len__(self):
        return len(self._members_in_())

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        if self._name_ is None:
            return '<%s: %r>' % (type(self).__name__, self._value_)
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (type(self).__name__, self._value_)
        return '%s.%s' % (type(self).__name__, self._name_)

    def _other_value(self, other):
        if isinstance(other, type(self)):
            return other._value_
        return None

    def __or__(self, other):
        v = self._other_value(other)
        return NotImplemented if v is None else type(self)(self._value_ | v)

    def __and__(self, other):
        v = self._other_value(other)
        return NotImplemented if v is None else type(self)(self._value_ & v)

    def __xor__(self, other):
        v = self._other_value(other)
        return NotImplemented if v is None else type(self)(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return type(self)(self._flag_mask_ & ~self._value_)

    def __hash__(self):
        return hash(self._value_)


# ---- int-like enums ---------------------------------------------------------------------------
# gilvm cannot subclass int, so IntEnum and IntFlag get int's operators from these functions.

def _int_value(x):
    if isinstance(x, Enum):
        return x._value_
    return x


def _binary(op):
    def forward(self, other):
        other = _int_value(other)
        if type(other) is not int and type(other) is not float and type(other) is not bool:
            return NotImplemented
        return op(self._value_, other)

    def reflected(self, other):
        other = _int_value(other)
        if type(other) is not int and type(other) is not float and type(other) is not bool:
            return NotImplemented
        return op(other, self._value_)
    return forward, reflected


_INT_OPS = {
    'add': lambda a, b: a + b, 'sub': lambda a, b: a - b, 'mul': lambda a, b: a * b,
    'truediv': lambda a, b: a / b, 'floordiv': lambda a, b: a // b, 'mod': lambda a, b: a % b,
    'pow': lambda a, b: a ** b, 'lshift': lambda a, b: a << b, 'rshift': lambda a, b: a >> b,
    'and': lambda a, b: a & b, 'or': lambda a, b: a | b, 'xor': lambda a, b: a ^ b,
}

_INT_COMPARE = {
    'eq': lambda a, b: a == b, 'ne': lambda a, b: a != b, 'lt': lambda a, b: a < b,
    'le': lambda a, b: a <= b, 'gt': lambda a, b: a > b, 'ge': lambda a, b: a >= b,
}


def _compare(op):
    def method(self, other):
        other = _int_value(other)
        if type(other) is not int and type(other) is not float and type(other) is not bool:
            return NotImplemented
        return op(self._value_, other)
    return method


def _add_int_protocol(cls, skip):
    for name, op in _INT_OPS.items():
        if name in skip:
            continue
        forward, reflected = _binary(op)
        setattr(cls, '__%s__' % name, forward)
        setattr(cls, '__r%s__' % name, reflected)
    for name, op in _INT_COMPARE.items():
        setattr(cls, '__%s__' % name, _compare(op))
    cls.__hash__ = lambda self: hash(self._value_)
    cls.__int__ = lambda self: self._value_
    cls.__index__ = lambda self: self._value_
    cls.__float__ = lambda self: float(self._value_)
    cls.__neg__ = lambda self: -self._value_
    cls.__pos__ = lambda self: +self._value_
    cls.__abs__ = lambda self: abs(self._value_)
    cls.__bool__ = lambda self: bool(self._value_)
    cls.__str__ = lambda self: str(self._value_)
    cls.__format__ = lambda self, spec: format(self._value_, spec)


class IntEnum(Enum):
    '''An Enum whose members act as ints (gilvm: not an int subclass).'''

    @classmethod
    def _missing_(cls, value):
        return None


class IntFlag(Flag):
    '''A Flag whose members act as ints and keep bits no member names.'''

    @classmethod
    def _keeps_extra_bits_(cls):
        return True

    def _other_value(self, other):
        if isinstance(other, type(self)):
            return other._value_
        if type(other) is int:
            return other
        return None


_add_int_protocol(IntEnum, ())
_add_int_protocol(IntFlag, ('and', 'or', 'xor'))


def unique(enumeration):
    '''Class decorator: ValueError if any member is an alias of another.'''
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        details = ', '.join(['%s -> %s' % (alias, name) for alias, name in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, details))
    return enumeration
