# array: compact arrays of one C numeric type (b B h H i I l L q Q f d) or of characters (u).
#
# Written in Python for gilvm (not C++ as CPython's): items are kept in a Python list, already
# converted to what the C type holds (ints range-checked, floats rounded to float32 for 'f');
# tobytes/frombytes go through struct in native byte order. Invariants: _items holds only
# valid values for _typecode; slicing returns a new array.

import struct as _struct

__all__ = ['array', 'ArrayType', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8,
          'Q': 8, 'f': 4, 'd': 8}

# (minimum, maximum, message-when-above, message-when-below), checked in order: CPython
# converts through a wider C type first, so huge values get that type's message.
_LIMITS = {
    'b': [(-32768, 32767, 'signed short integer is greater than maximum',
           'signed short integer is less than minimum'),
          (-128, 127, 'signed char is greater than maximum', 'signed char is less than minimum')],
    'B': [(0, 255, 'unsigned byte integer is greater than maximum',
           'unsigned byte integer is less than minimum')],
    'h': [(-32768, 32767, 'signed short integer is greater than maximum',
           'signed short integer is less than minimum')],
    'H': [(-2147483648, 2147483647, 'signed integer is greater than maximum',
           'signed integer is less than minimum'),
          (0, 65535, 'unsigned short is greater than maximum', 'unsigned short is less than minimum')],
    'i': [(-2147483648, 2147483647, 'signed integer is greater than maximum',
           'signed integer is less than minimum')],
    'I': [(0, 4294967295, 'unsigned int is greater than maximum',
           "can't convert negative value to unsigned int")],
    'l': [(-9223372036854775808, 9223372036854775807, 'Python int too large to convert to C long',
           'Python int too large to convert to C long')],
    'q': [(-9223372036854775808, 9223372036854775807, 'int too big to convert', 'int too big to convert')],
    'L': [(0, 18446744073709551615, 'Python int too large to convert to C unsigned long',
           "can't convert negative value to unsigned int")],
    'Q': [(0, 18446744073709551615, 'int too big to convert', "can't convert negative int to unsigned")],
}


def _index(v):
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    method = getattr(type(v), '__index__', None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return method(v)


def _convert(typecode, v):
    if typecode == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError('array item must be unicode character')
        return v
    if typecode == 'f' or typecode == 'd':
        if isinstance(v, float) or isinstance(v, int):
            x = float(v)
        else:
            raise TypeError('must be real number, not %s' % type(v).__name__)
        if typecode == 'f':
            x = _struct.unpack('f', _struct.pack('f', x))[0]
        return x
    x = _index(v)
    limits = _LIMITS.get(typecode)
    if limits is not None:
        for lo, hi, above, below in limits:
            if x > hi:
                raise OverflowError(above)
            if x < lo:
                raise OverflowError(below)
    return x


def _bad_typecode():
    raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')


class array:
    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            if isinstance(typecode, str):
                raise TypeError('array() argument 1 must be a unicode character, not str')
            raise TypeError('array() argument 1 must be a unicode character, not '
                            + type(typecode).__name__)
        if typecode not in _SIZES:
            _bad_typecode()
        self._typecode = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError('cannot use a str to initialize an array with typecode %r'
                                % typecode)
            self.fromunicode(initializer)
        elif isinstance(initializer, bytes) or isinstance(initializer, bytearray):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if (initializer._typecode == 'u') != (typecode == 'u'):
                raise TypeError('cannot use a unicode array to initialize an array with '
                                'typecode %r' % typecode)
            self.extend(initializer._items)
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _SIZES[self._typecode]

    def _new(self, items):
        a = array(self._typecode)
        a._items = items
        return a

    def append(self, v):
        self._items.append(_convert(self._typecode, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._typecode != self._typecode:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
            return
        new = []
        for v in iterable:
            new.append(_convert(self._typecode, v))
        self._items.extend(new)

    def insert(self, i, v):
        self._items.insert(_index(i), _convert(self._typecode, v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        i = _index(i)
        if i < -len(self._items) or i >= len(self._items):
            raise IndexError('pop index out of range')
        return self._items.pop(i)

    def remove(self, v):
        for i in range(len(self._items)):
            if self._items[i] == v:
                del self._items[i]
                return
        raise ValueError('array.remove(x): x not in array')

    def index(self, v, start=0, stop=9223372036854775807):
        n = len(self._items)
        if start < 0:
            start = max(0, start + n)
        if stop < 0:
            stop = max(0, stop + n)
        for i in range(start, min(stop, n)):
            if self._items[i] == v:
                return i
        raise ValueError('array.index(x): x not in array')

    def count(self, v):
        n = 0
        for x in self._items:
            if x == v:
                n += 1
        return n

    def reverse(self):
        self._items.reverse()

    def _format(self, n):
        if self._typecode == 'u':
            return '%dI' % n
        return '%d%s' % (n, self._typecode)

    def tobytes(self):
        if self._typecode == 'u':
            return _struct.pack(self._format(len(self._items)), *[ord(c) for c in self._items])
        return _struct.pack(self._format(len(self._items)), *self._items)

    def frombytes(self, data):
        if not isinstance(data, bytes) and not isinstance(data, bytearray):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        size = self.itemsize
        if len(data) % size != 0:
            raise ValueError('bytes length not a multiple of item size')
        values = _struct.unpack(self._format(len(data) // size), data)
        if self._typecode == 'u':
            self._items.extend([chr(v) for v in values])
        else:
            self._items.extend(values)

    def tolist(self):
        return list(self._items)

    def fromlist(self, values):
        if not isinstance(values, list):
            raise TypeError('arg must be list')
        self.extend(values)

    def tounicode(self):
        if self._typecode != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)

    def fromunicode(self, s):
        if self._typecode != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        if not isinstance(s, str):
            raise TypeError('fromunicode() argument must be str, not %s' % type(s).__name__)
        self._items.extend(list(s))

    def buffer_info(self):
        # gilvm has no stable addresses to expose: the address is 0.
        return (0, len(self._items))

    def byteswap(self):
        size = self.itemsize
        if size == 1:
            return
        data = self.tobytes()
        out = bytearray()
        for i in range(0, len(data), size):
            out += data[i:i + size][::-1]
        self._items = []
        self.frombytes(bytes(out))

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._items[i])
        i = _index(i)
        if i < -len(self._items) or i >= len(self._items):
            raise IndexError('array index out of range')
        return self._items[i]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(v).__name__)
            if v._typecode != self._typecode:
                raise TypeError('bad argument type for built-in operation')
            self._items[i] = list(v._items)
            return
        i = _index(i)
        if i < -len(self._items) or i >= len(self._items):
            raise IndexError('array assignment index out of range')
        self._items[i] = _convert(self._typecode, v)

    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._items[i]
            return
        i = _index(i)
        if i < -len(self._items) or i >= len(self._items):
            raise IndexError('array assignment index out of range')
        del self._items[i]

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other._typecode != self._typecode:
            raise TypeError('bad argument type for built-in operation')
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
        return self._new(self._items * n)

    def __rmul__(self, n):
        return self.__mul__(n)

    def __imul__(self, n):
        if not isinstance(n, int):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
        self._items = self._items * n
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    def __copy__(self):
        return self._new(list(self._items))

    def __repr__(self):
        if not self._items:
            return 'array(%r)' % self._typecode
        if self._typecode == 'u':
            return 'array(%r, %r)' % (self._typecode, ''.join(self._items))
        return 'array(%r, %r)' % (self._typecode, self._items)


ArrayType = array
