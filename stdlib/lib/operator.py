# operator: Python's operators as functions, plus itemgetter, attrgetter and methodcaller.
#
# Written in Python for gilvm. CPython implements these in C (_operator), so their argument
# errors have C wordings ("add expected 2 arguments, got 1", "_operator.neg() takes exactly one
# argument (0 given)"); every function here takes *args/**kwargs and checks them itself to raise
# the same messages. Errors of the operations themselves come from the operators, as in C.

__all__ = ['abs', 'add', 'and_', 'attrgetter', 'concat', 'contains', 'countOf', 'delitem',
           'eq', 'floordiv', 'ge', 'getitem', 'gt', 'iadd', 'iand', 'iconcat', 'ifloordiv',
           'ilshift', 'imatmul', 'imod', 'imul', 'index', 'indexOf', 'inv', 'invert', 'ior',
           'ipow', 'irshift', 'is_', 'is_not', 'isub', 'itemgetter', 'itruediv', 'ixor', 'le',
           'length_hint', 'lshift', 'lt', 'matmul', 'methodcaller', 'mod', 'mul', 'ne', 'neg',
           'not_', 'or_', 'pos', 'pow', 'rshift', 'setitem', 'sub', 'truediv', 'truth', 'xor']

_builtin_abs = abs


def _args(name, args, kwargs, count):
    # The C functions are positional-only with a fixed count.
    if kwargs:
        raise TypeError("_operator.%s() takes no keyword arguments" % name)
    if len(args) != count:
        if count == 1:
            raise TypeError("_operator.%s() takes exactly one argument (%d given)" % (name, len(args)))
        raise TypeError("%s expected %d arguments, got %d" % (name, count, len(args)))
    return args


# ---- comparisons and truth ------------------------------------------------------------------

def lt(*args, **kwargs):
    a, b = _args("lt", args, kwargs, 2)
    return a < b

def le(*args, **kwargs):
    a, b = _args("le", args, kwargs, 2)
    return a <= b

def eq(*args, **kwargs):
    a, b = _args("eq", args, kwargs, 2)
    return a == b

def ne(*args, **kwargs):
    a, b = _args("ne", args, kwargs, 2)
    return a != b

def ge(*args, **kwargs):
    a, b = _args("ge", args, kwargs, 2)
    return a >= b

def gt(*args, **kwargs):
    a, b = _args("gt", args, kwargs, 2)
    return a > b

def not_(*args, **kwargs):
    a, = _args("not_", args, kwargs, 1)
    return not a

def truth(*args, **kwargs):
    a, = _args("truth", args, kwargs, 1)
    return True if a else False

def is_(*args, **kwargs):
    a, b = _args("is_", args, kwargs, 2)
    return a is b

def is_not(*args, **kwargs):
    a, b = _args("is_not", args, kwargs, 2)
    return a is not b


# ---- arithmetic and bitwise ------------------------------------------------------------------

def abs(*args, **kwargs):
    a, = _args("abs", args, kwargs, 1)
    return _builtin_abs(a)

def add(*args, **kwargs):
    a, b = _args("add", args, kwargs, 2)
    return a + b

def and_(*args, **kwargs):
    a, b = _args("and_", args, kwargs, 2)
    return a & b

def floordiv(*args, **kwargs):
    a, b = _args("floordiv", args, kwargs, 2)
    return a // b

def index(*args, **kwargs):
    a, = _args("index", args, kwargs, 1)
    if isinstance(a, int):
        return int(a)  # an exact int, as CPython's: index(True) is 1
    method = getattr(type(a), "__index__", None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(a).__name__)
    result = method(a)
    if not isinstance(result, int):
        raise TypeError("__index__ returned non-int (type %s)" % type(result).__name__)
    return result

def inv(*args, **kwargs):
    a, = _args("inv", args, kwargs, 1)
    return ~a

def invert(*args, **kwargs):
    a, = _args("invert", args, kwargs, 1)
    return ~a

def lshift(*args, **kwargs):
    a, b = _args("lshift", args, kwargs, 2)
    return a << b

def mod(*args, **kwargs):
    a, b = _args("mod", args, kwargs, 2)
    return a % b

def mul(*args, **kwargs):
    a, b = _args("mul", args, kwargs, 2)
    return a * b

def matmul(*args, **kwargs):
    a, b = _args("matmul", args, kwargs, 2)
    return a @ b

def neg(*args, **kwargs):
    a, = _args("neg", args, kwargs, 1)
    return -a

def or_(*args, **kwargs):
    a, b = _args("or_", args, kwargs, 2)
    return a | b

def pos(*args, **kwargs):
    a, = _args("pos", args, kwargs, 1)
    return +a

def pow(*args, **kwargs):
    a, b = _args("pow", args, kwargs, 2)
    return a ** b

def rshift(*args, **kwargs):
    a, b = _args("rshift", args, kwargs, 2)
    return a >> b

def sub(*args, **kwargs):
    a, b = _args("sub", args, kwargs, 2)
    return a - b

def truediv(*args, **kwargs):
    a, b = _args("truediv", args, kwargs, 2)
    return a / b

def xor(*args, **kwargs):
    a, b = _args("xor", args, kwargs, 2)
    return a ^ b


# ---- sequences --------------------------------------------------------------------------------

def concat(*args, **kwargs):
    a, b = _args("concat", args, kwargs, 2)
    if getattr(type(a), "__getitem__", None) is None:
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)
    return a + b

def contains(*args, **kwargs):
    a, b = _args("contains", args, kwargs, 2)
    return b in a

def countOf(*args, **kwargs):
    a, b = _args("countOf", args, kwargs, 2)
    count = 0
    for item in a:
        if item is b or item == b:
            count += 1
    return count

def indexOf(*args, **kwargs):
    a, b = _args("indexOf", args, kwargs, 2)
    i = 0
    for item in a:
        if item is b or item == b:
            return i
        i += 1
    raise ValueError('sequence.index(x): x not in sequence')

def getitem(*args, **kwargs):
    a, b = _args("getitem", args, kwargs, 2)
    return a[b]

def setitem(*args, **kwargs):
    a, b, c = _args("setitem", args, kwargs, 3)
    a[b] = c

def delitem(*args, **kwargs):
    a, b = _args("delitem", args, kwargs, 2)
    del a[b]

def length_hint(obj, default=0):
    """len(obj) if it has one, else obj.__length_hint__(), else default."""
    if not isinstance(default, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(default).__name__)
    try:
        return len(obj)
    except TypeError:
        pass
    hint = getattr(type(obj), "__length_hint__", None)
    if hint is None:
        return default
    value = hint(obj)
    if value is NotImplemented:
        return default
    if not isinstance(value, int):
        raise TypeError("__length_hint__ must be an integer, not %s" % type(value).__name__)
    if value < 0:
        raise ValueError("__length_hint__() should return >= 0")
    return value


# ---- in-place forms: the augmented assignment, then the (maybe new) left operand -------------

def iadd(*args, **kwargs):
    a, b = _args("iadd", args, kwargs, 2)
    a += b
    return a

def iand(*args, **kwargs):
    a, b = _args("iand", args, kwargs, 2)
    a &= b
    return a

def iconcat(*args, **kwargs):
    a, b = _args("iconcat", args, kwargs, 2)
    if getattr(type(a), "__getitem__", None) is None:
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)
    a += b
    return a

def ifloordiv(*args, **kwargs):
    a, b = _args("ifloordiv", args, kwargs, 2)
    a //= b
    return a

def ilshift(*args, **kwargs):
    a, b = _args("ilshift", args, kwargs, 2)
    a <<= b
    return a

def imod(*args, **kwargs):
    a, b = _args("imod", args, kwargs, 2)
    a %= b
    return a

def imul(*args, **kwargs):
    a, b = _args("imul", args, kwargs, 2)
    a *= b
    return a

def imatmul(*args, **kwargs):
    a, b = _args("imatmul", args, kwargs, 2)
    a @= b
    return a

def ior(*args, **kwargs):
    a, b = _args("ior", args, kwargs, 2)
    a |= b
    return a

def ipow(*args, **kwargs):
    a, b = _args("ipow", args, kwargs, 2)
    a **= b
    return a

def irshift(*args, **kwargs):
    a, b = _args("irshift", args, kwargs, 2)
    a >>= b
    return a

def isub(*args, **kwargs):
    a, b = _args("isub", args, kwargs, 2)
    a -= b
    return a

def itruediv(*args, **kwargs):
    a, b = _args("itruediv", args, kwargs, 2)
    a /= b
    return a

def ixor(*args, **kwargs):
    a, b = _args("ixor", args, kwargs, 2)
    a ^= b
    return a


# ---- callables built from names ---------------------------------------------------------------

def _one_call_arg(name, args, kwargs):
    if kwargs:
        raise TypeError("%s() takes no keyword arguments" % name)
    if len(args) != 1:
        raise TypeError("%s expected 1 argument, got %d" % (name, len(args)))
    return args[0]


class itemgetter:
    """itemgetter(item, ...)(obj): obj[item], or a tuple (obj[item1], obj[item2], ...)."""

    def __init__(self, *items, **kwargs):
        if kwargs:
            raise TypeError("itemgetter() takes no keyword arguments")
        if not items:
            raise TypeError("itemgetter expected 1 argument, got 0")
        self._items = items

    def __call__(self, *args, **kwargs):
        obj = _one_call_arg("itemgetter", args, kwargs)
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple([obj[item] for item in self._items])

    def __repr__(self):
        return "operator.itemgetter(%s)" % ", ".join([repr(i) for i in self._items])


def _resolve_attr(obj, dotted):
    for name in dotted.split("."):
        obj = getattr(obj, name)
    return obj


class attrgetter:
    """attrgetter(name, ...)(obj): obj.name (dotted names follow attributes), or a tuple."""

    def __init__(self, *names, **kwargs):
        if kwargs:
            raise TypeError("attrgetter() takes no keyword arguments")
        if not names:
            raise TypeError("attrgetter expected 1 argument, got 0")
        for name in names:
            if not isinstance(name, str):
                raise TypeError('attribute name must be a string')
        self._names = names

    def __call__(self, *args, **kwargs):
        obj = _one_call_arg("attrgetter", args, kwargs)
        if len(self._names) == 1:
            return _resolve_attr(obj, self._names[0])
        return tuple([_resolve_attr(obj, name) for name in self._names])

    def __repr__(self):
        return "operator.attrgetter(%s)" % ", ".join([repr(n) for n in self._names])


class methodcaller:
    """methodcaller(name, *args, **kwargs)(obj): obj.name(*args, **kwargs)."""

    def __init__(self, *args, **kwargs):
        if not args:
            raise TypeError("methodcaller needs at least one argument, the method name")
        if not isinstance(args[0], str):
            raise TypeError('method name must be a string')
        self._name = args[0]
        self._args = args[1:]
        self._kwargs = kwargs

    def __call__(self, *args, **kwargs):
        obj = _one_call_arg("methodcaller", args, kwargs)
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)]
        for a in self._args:
            parts.append(repr(a))
        for k, v in self._kwargs.items():
            parts.append("%s=%r" % (k, v))
        return "operator.methodcaller(%s)" % ", ".join(parts)


__lt__ = lt
__le__ = le
__eq__ = eq
__ne__ = ne
__ge__ = ge
__gt__ = gt
__not__ = not_
__abs__ = abs
__add__ = add
__and__ = and_
__floordiv__ = floordiv
__index__ = index
__inv__ = inv
__invert__ = invert
__lshift__ = lshift
__mod__ = mod
__mul__ = mul
__matmul__ = matmul
__neg__ = neg
__or__ = or_
__pos__ = pos
__pow__ = pow
__rshift__ = rshift
__sub__ = sub
__truediv__ = truediv
__xor__ = xor
__concat__ = concat
__contains__ = contains
__delitem__ = delitem
__getitem__ = getitem
__setitem__ = setitem
__iadd__ = iadd
__iand__ = iand
__iconcat__ = iconcat
__ifloordiv__ = ifloordiv
__ilshift__ = ilshift
__imod__ = imod
__imul__ = imul
__imatmul__ = imatmul
__ior__ = ior
__ipow__ = ipow
__irshift__ = irshift
__isub__ = isub
__itruediv__ = itruediv
__ixor__ = ixor
