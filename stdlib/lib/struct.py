# struct: packing Python values into bytes laid out as C structs, and back.
#
# Written in Python for gilvm over the native _struct (stdlib/struct.cc), which parses formats
# and converts values. _struct returns a str where struct.error must be raised, so the
# exception is raised here with CPython's message.

import _struct

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack',
           'Struct', 'error']


class error(Exception):
    pass


def _check(result):
    if isinstance(result, str):
        raise error(result)
    return result


def _format(fmt):
    if not isinstance(fmt, str) and not isinstance(fmt, bytes):
        raise TypeError('Struct() argument 1 must be a str or bytes object, not '
                        + type(fmt).__name__)
    return fmt


def _buffer_len(buffer):
    if isinstance(buffer, bytes) or isinstance(buffer, bytearray):
        return len(buffer)
    raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)


def _offset(buffer_len, offset):
    if not isinstance(offset, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(offset).__name__)
    if offset < 0:
        if offset + buffer_len < 0:
            raise error('offset %d out of range for %d-byte buffer' % (offset, buffer_len))
        offset += buffer_len
    return offset


def calcsize(format):
    return _check(_struct.calcsize(_format(format)))


def pack(format, *args):
    return _check(_struct.pack(_format(format), args))


def unpack(format, buffer):
    size = calcsize(format)
    n = _buffer_len(buffer)
    if n != size:
        raise error('unpack requires a buffer of %d bytes' % size)
    return _check(_struct.unpack(format, buffer, 0))


def unpack_from(format, buffer, offset=0):
    size = calcsize(format)
    n = _buffer_len(buffer)
    offset = _offset(n, offset)
    if n - offset < size:
        if offset > n:
            raise error('offset %d out of range for %d-byte buffer' % (offset, n))
        raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d bytes '
                    'at offset %d (actual buffer size is %d)' % (size + offset, size, offset, n))
    return _check(_struct.unpack(format, buffer, offset))


def pack_into(format, buffer, offset, *args):
    data = pack(format, *args)
    if not isinstance(buffer, bytearray):
        if isinstance(buffer, bytes):
            raise TypeError('argument must be read-write bytes-like object, not bytes')
        raise TypeError('argument must be read-write bytes-like object, not '
                        + type(buffer).__name__)
    n = len(buffer)
    offset = _offset(n, offset)
    if n - offset < len(data):
        if offset > n:
            raise error('offset %d out of range for %d-byte buffer' % (offset, n))
        raise error('pack_into requires a buffer of at least %d bytes for packing %d bytes '
                    'at offset %d (actual buffer size is %d)'
                    % (len(data) + offset, len(data), offset, n))
    buffer[offset:offset + len(data)] = data


class unpack_iterator:
    # What iter_unpack returns: one tuple per consecutive record of the buffer.
    def __init__(self, format, buffer):
        self._format = format
        self._size = calcsize(format)
        n = _buffer_len(buffer)
        if self._size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if n % self._size != 0:
            raise error('iterative unpacking requires a buffer of a multiple of %d bytes'
                        % self._size)
        self._buffer = buffer
        self._pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._buffer is None or self._pos >= len(self._buffer):
            self._buffer = None
            raise StopIteration
        values = _check(_struct.unpack(self._format, self._buffer, self._pos))
        self._pos += self._size
        return values

    def __length_hint__(self):
        if self._buffer is None:
            return 0
        return (len(self._buffer) - self._pos) // self._size


def iter_unpack(format, buffer):
    return unpack_iterator(_format(format), buffer)


class Struct:
    def __init__(self, format):
        _format(format)
        self.size = calcsize(format)
        if isinstance(format, bytes):
            format = format.decode('latin-1')
        self.format = format

    def pack(self, *args):
        return pack(self.format, *args)

    def pack_into(self, buffer, offset, *args):
        pack_into(self.format, buffer, offset, *args)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)
