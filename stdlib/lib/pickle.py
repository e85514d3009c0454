"""Object serialization for gilvm: dumps/loads, dump/load, Pickler/Unpickler.

Written for gilvm with CPython 3.11's pickle as the behavioural spec, but NOT its byte format:
the data round-trips between gilvm processes only.  A pickle is a frame:

    b'\\x80G'  8-byte little-endian body length  body

and the body is one encoded value.  Each value starts with a one-byte opcode (the _OP_* names
below); containers and instances are memoized so shared and recursive references come back
shared (a memo reference is 'r' + index; indices count memoized objects in encoding order, and
the decoder assigns them in the same order, before it fills a container, so cycles through
lists, dicts and instances work).  Functions and classes travel by reference (module and
qualified name), so the loading process must be able to import them: with multiprocessing's
fork start method it always can.

What cannot be pickled fails as CPython's does: TypeError "cannot pickle 'X' object" for
objects of native types (locks, files), PicklingError for functions that cannot be found again
by name (lambdas), AttributeError for local functions.
"""

import sys
import builtins

__all__ = ['PickleError', 'PicklingError', 'UnpicklingError', 'Pickler', 'Unpickler',
           'dump', 'dumps', 'load', 'loads', 'HIGHEST_PROTOCOL', 'DEFAULT_PROTOCOL']

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    'The base class of the pickle errors.'
    __module__ = "_pickle"


class PicklingError(PickleError):
    'An object that cannot be pickled.'
    __module__ = "_pickle"


class UnpicklingError(PickleError):
    'Data that cannot be unpickled.'
    __module__ = "_pickle"


_MAGIC = b'\x80G'
_OP_NONE = b'N'
_OP_TRUE = b'T'
_OP_FALSE = b'F'
_OP_INT = b'I'
_OP_FLOAT = b'D'
_OP_STR = b'S'
_OP_BYTES = b'B'
_OP_BYTEARRAY = b'A'
_OP_TUPLE = b'U'
_OP_LIST = b'L'
_OP_DICT = b'M'
_OP_GLOBAL = b'G'
_OP_OBJECT = b'O'    # class, then state (None: none)
_OP_REDUCE = b'R'    # callable, args tuple, then state
_OP_MEMO = b'r'

# The decoder's dispatch: opcode byte (an int, as indexing bytes gives) -> _OP_* name.
_C = {}
for _name, _op in [('_OP_NONE', _OP_NONE), ('_OP_TRUE', _OP_TRUE), ('_OP_FALSE', _OP_FALSE),
                   ('_OP_INT', _OP_INT), ('_OP_FLOAT', _OP_FLOAT), ('_OP_STR', _OP_STR),
                   ('_OP_BYTES', _OP_BYTES), ('_OP_BYTEARRAY', _OP_BYTEARRAY),
                   ('_OP_TUPLE', _OP_TUPLE), ('_OP_LIST', _OP_LIST), ('_OP_DICT', _OP_DICT),
                   ('_OP_GLOBAL', _OP_GLOBAL), ('_OP_OBJECT', _OP_OBJECT),
                   ('_OP_REDUCE', _OP_REDUCE), ('_OP_MEMO', _OP_MEMO)]:
    _C[_op[0]] = _name
del _name, _op


def _len8(n):
    return n.to_bytes(8, 'little', signed=True)


def _function_type():
    return None


_FunctionType = type(_function_type)
_NativeFunctionType = type(len)


def _type_name(cls):
    # CPython names a native type by its C name, 'module.qualname' outside builtins.
    mod = getattr(cls, '__module__', 'builtins')
    if mod == 'builtins' or mod is None:
        return cls.__qualname__
    return mod + '.' + cls.__qualname__


def _lookup_global(module, qualname):
    '''The object named module.qualname, or raises AttributeError/KeyError/ImportError.'''
    mod = sys.modules.get(module)
    if mod is None:
        mod = __import__(module)
        mod = sys.modules.get(module, mod)
    obj = mod
    for part in qualname.split('.'):
        obj = getattr(obj, part)
    return obj


def _is_user_override(cls, name):
    # True when cls (or a base other than object) defines `name` itself.
    found = getattr(cls, name, None)
    return found is not None and found is not getattr(object, name, None)


class Pickler:
    '''Writes pickles of objects to a binary file (anything with write(bytes)).'''

    def __init__(self, file, protocol=None):
        self._file = file

    def dump(self, obj):
        self._file.write(dumps(obj))


class _Encoder:
    def __init__(self):
        self.out = []
        self.memo = {}      # id(obj) -> memo index
        self.keep = []      # keeps memoized objects alive so their ids stay unique

    def memoize(self, obj):
        self.memo[id(obj)] = len(self.keep)
        self.keep.append(obj)

    def save(self, obj):
        out = self.out
        t = type(obj)
        if obj is None:
            out.append(_OP_NONE)
        elif t is bool:
            out.append(_OP_TRUE if obj else _OP_FALSE)
        elif t is int:
            out.append(_OP_INT)
            out.append(_len8(obj))
        elif t is float:
            out.append(_OP_FLOAT)
            self.save_raw(repr(obj).encode('ascii'))
        elif t is str:
            out.append(_OP_STR)
            self.save_raw(obj.encode('utf-8'))
        elif t is bytes:
            out.append(_OP_BYTES)
            self.save_raw(obj)
        elif id(obj) in self.memo:
            out.append(_OP_MEMO)
            out.append(_len8(self.memo[id(obj)]))
        elif t is bytearray:
            self.memoize(obj)
            out.append(_OP_BYTEARRAY)
            self.save_raw(bytes(obj))
        elif t is tuple:
            out.append(_OP_TUPLE)
            out.append(_len8(len(obj)))
            for item in obj:
                self.save(item)
            self.memoize(obj)
        elif t is list:
            self.memoize(obj)
            out.append(_OP_LIST)
            out.append(_len8(len(obj)))
            for item in obj:
                self.save(item)
        elif t is dict:
            self.memoize(obj)
            out.append(_OP_DICT)
            out.append(_len8(len(obj)))
            for k, v in obj.items():
                self.save(k)
                self.save(v)
        elif t is type or t is _FunctionType or t is _NativeFunctionType:
            self.save_global(obj)
        else:
            self.save_object(obj, t)

    def save_raw(self, data):
        self.out.append(_len8(len(data)))
        self.out.append(data)

    def save_global(self, obj, name=None):
        module = getattr(obj, '__module__', None) or 'builtins'
        qualname = name or getattr(obj, '__qualname__', None) or obj.__name__
        if '<locals>' in qualname.split('.'):
            raise AttributeError("Can't pickle local object %r" % qualname)
        try:
            found = _lookup_global(module, qualname)
        except (AttributeError, KeyError, ImportError):
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, qualname, module)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module, qualname))
        self.out.append(_OP_GLOBAL)
        self.save_raw(module.encode('utf-8'))
        self.save_raw(qualname.encode('utf-8'))

    def save_object(self, obj, cls):
        if _is_user_override(cls, '__reduce__'):
            rv = obj.__reduce__()
            if type(rv) is str:
                self.save_global(obj, rv)
                return
            self.save_reduce(obj, rv)
        elif cls is range:
            self.save_reduce(obj, (range, (obj.start, obj.stop, obj.step)))
        elif cls is slice:
            self.save_reduce(obj, (slice, (obj.start, obj.stop, obj.step)))
        elif cls is set or cls is frozenset:
            self.save_reduce(obj, (cls, (list(obj),)))
        elif isinstance(obj, BaseException):
            state = obj.__dict__ if hasattr(obj, '__dict__') and obj.__dict__ else None
            self.save_reduce(obj, (cls, obj.args, state))
        elif hasattr(obj, '__dict__') and type(getattr(obj, '__dict__', None)) is dict:
            self.out.append(_OP_OBJECT)
            self.save_global(cls)
            self.memoize(obj)
            if _is_user_override(cls, '__getstate__'):
                state = obj.__getstate__()
            else:
                state = obj.__dict__ or None
            self.save(state)
        else:
            raise TypeError("cannot pickle %r object" % _type_name(cls))

    def save_reduce(self, obj, rv):
        if type(rv) is not tuple or not 2 <= len(rv) <= 5:
            raise PicklingError("__reduce__ must return a string or tuple")
        func, args = rv[0], rv[1]
        state = rv[2] if len(rv) > 2 else None
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        if type(args) is not tuple:
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        self.out.append(_OP_REDUCE)
        self.save(func)
        self.save(args)
        self.memoize(obj)
        self.save(state)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    '''The pickle of obj, as bytes.'''
    enc = _Encoder()
    enc.save(obj)
    body = b''.join(enc.out)
    return _MAGIC + _len8(len(body)) + body


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    '''Writes the pickle of obj to the binary file.'''
    file.write(dumps(obj))


class _Decoder:
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.memo = []

    def take(self, n):
        start = self.pos
        end = start + n
        if end > len(self.data) or n < 0:
            raise UnpicklingError("pickle data was truncated")
        self.pos = end
        return self.data[start:end]

    def int8(self):
        return int.from_bytes(self.take(8), 'little', signed=True)

    def raw(self):
        return self.take(self.int8())

    def load(self):
        op = self.take(1)[0]
        name = _C.get(op)
        if name is None:
            raise UnpicklingError("invalid load key, %r." % chr(op))
        if name == '_OP_NONE':
            return None
        if name == '_OP_TRUE':
            return True
        if name == '_OP_FALSE':
            return False
        if name == '_OP_INT':
            return self.int8()
        if name == '_OP_FLOAT':
            return float(self.raw().decode('ascii'))
        if name == '_OP_STR':
            return self.raw().decode('utf-8')
        if name == '_OP_BYTES':
            return bytes(self.raw())
        if name == '_OP_MEMO':
            index = self.int8()
            if not 0 <= index < len(self.memo):
                raise UnpicklingError("Memo value not found at index %d" % index)
            return self.memo[index]
        if name == '_OP_BYTEARRAY':
            value = bytearray(self.raw())
            self.memo.append(value)
            return value
        if name == '_OP_TUPLE':
            n = self.int8()
            items = []
            for i in range(n):
                items.append(self.load())
            value = tuple(items)
            self.memo.append(value)
            return value
        if name == '_OP_LIST':
            n = self.int8()
            value = []
            self.memo.append(value)
            for i in range(n):
                value.append(self.load())
            return value
        if name == '_OP_DICT':
            n = self.int8()
            value = {}
            self.memo.append(value)
            for i in range(n):
                k = self.load()
                value[k] = self.load()
            return value
        if name == '_OP_GLOBAL':
            return self.load_global()
        if name == '_OP_OBJECT':
            cls = self.load()
            obj = object.__new__(cls)
            self.memo.append(obj)
            self.set_state(obj, self.load())
            return obj
        # _OP_REDUCE
        func = self.load()
        args = self.load()
        obj = func(*args)
        self.memo.append(obj)
        self.set_state(obj, self.load())
        return obj

    def load_global(self):
        module = self.raw().decode('utf-8')
        qualname = self.raw().decode('utf-8')
        try:
            return _lookup_global(module, qualname)
        except (AttributeError, KeyError):
            raise AttributeError("Can't get attribute %r on %r" % (qualname, sys.modules.get(module))) from None

    def set_state(self, obj, state):
        if state is None:
            return
        if _is_user_override(type(obj), '__setstate__'):
            obj.__setstate__(state)
            return
        if type(state) is not dict:
            raise UnpicklingError("state is not a dictionary")
        for k, v in state.items():
            setattr(obj, k, v)


def _body_length(header):
    if len(header) == 0:
        raise EOFError("Ran out of input")
    if len(header) < 10:
        raise UnpicklingError("pickle data was truncated")
    if header[:2] != _MAGIC:
        raise UnpicklingError("invalid load key, %r." % chr(header[0]))
    return int.from_bytes(header[2:10], 'little', signed=True)


def loads(data, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    '''The object whose pickle is the bytes-like `data`.'''
    if type(data) is str:
        raise TypeError("a bytes-like object is required, not 'str'")
    data = bytes(data)
    n = _body_length(data[:10])
    if len(data) < 10 + n:
        raise UnpicklingError("pickle data was truncated")
    dec = _Decoder(data[10:10 + n])
    return dec.load()


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    '''Reads one pickle from the binary file and returns its object.'''
    header = file.read(10)
    n = _body_length(header)
    body = file.read(n)
    if len(body) < n:
        raise UnpicklingError("pickle data was truncated")
    return _Decoder(body).load()


class Unpickler:
    '''Reads pickles from a binary file (anything with read(n)).'''

    def __init__(self, file, **kwargs):
        self._file = file

    def load(self):
        return load(self._file)
