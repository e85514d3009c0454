# binascii: conversions between binary data and ASCII encodings, written in Python for gilvm.
#
# Provides Error, Incomplete, hexlify/unhexlify (b2a_hex/a2b_hex, with sep), b2a_base64/a2b_base64
# (with newline= and strict_mode=), b2a_uu/a2b_uu, crc32 and crc_hqx, with CPython's results and
# error messages. Left out: quoted-printable (b2a_qp, a2b_qp raise NotImplementedError).

__all__ = ['Error', 'Incomplete', 'hexlify', 'unhexlify', 'b2a_hex', 'a2b_hex',
           'b2a_base64', 'a2b_base64', 'b2a_uu', 'a2b_uu', 'crc32', 'crc_hqx']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_REV = {}
for _i, _c in enumerate(_B64):
    _B64_REV[_c] = _i
_HEX = '0123456789abcdef'


def _binary(data):
    # Arguments that must be bytes-like (what CPython's Py_buffer converter accepts).
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _ascii_data(data):
    # Arguments of the a2b_* functions: bytes-like or an ASCII-only str.
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'" % type(data).__name__)


def hexlify(data, sep=None, bytes_per_sep=1):
    data = _binary(data)
    digits = ''.join([_HEX[b >> 4] + _HEX[b & 15] for b in data])
    if sep is None or len(data) == 0:
        return digits.encode('ascii')
    if isinstance(sep, bytes):
        sep = sep.decode('ascii')
    if len(sep) != 1:
        raise ValueError('sep must be length 1.')
    n = abs(bytes_per_sep)
    if n == 0:
        return digits.encode('ascii')
    pairs = [digits[i:i + 2] for i in range(0, len(digits), 2)]
    groups = []
    if bytes_per_sep > 0:
        # Groups are counted from the right.
        first = len(pairs) % n
        if first:
            groups.append(''.join(pairs[:first]))
        for i in range(first, len(pairs), n):
            groups.append(''.join(pairs[i:i + n]))
    else:
        for i in range(0, len(pairs), n):
            groups.append(''.join(pairs[i:i + n]))
    return sep.join(groups).encode('ascii')


b2a_hex = hexlify


def unhexlify(hexstr):
    data = _ascii_data(hexstr)
    if len(data) % 2:
        raise Error('Odd-length string')
    out = bytearray()
    for i in range(0, len(data), 2):
        hi = _hexval(data[i])
        lo = _hexval(data[i + 1])
        if hi < 0 or lo < 0:
            raise Error('Non-hexadecimal digit found')
        out.append(hi * 16 + lo)
    return bytes(out)


a2b_hex = unhexlify


def _hexval(c):
    if 48 <= c <= 57:
        return c - 48
    if 97 <= c <= 102:
        return c - 87
    if 65 <= c <= 70:
        return c - 55
    return -1


def b2a_base64(data, *, newline=True):
    data = _binary(data)
    out = bytearray()
    n = len(data)
    i = 0
    while i + 3 <= n:
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out.append(_B64[v >> 18])
        out.append(_B64[(v >> 12) & 63])
        out.append(_B64[(v >> 6) & 63])
        out.append(_B64[v & 63])
        i += 3
    rest = n - i
    if rest == 1:
        v = data[i] << 16
        out += bytes([_B64[v >> 18], _B64[(v >> 12) & 63]]) + b'=='
    elif rest == 2:
        v = (data[i] << 16) | (data[i + 1] << 8)
        out += bytes([_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63]]) + b'='
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    data = _ascii_data(data)
    out = bytearray()
    quad_pos = 0
    leftchar = 0
    pads = 0
    padding_started = False
    if strict_mode and len(data) > 0 and data[0] == 61:
        raise Error('Leading padding not allowed')
    n = len(data)
    for i in range(n):
        c = data[i]
        if c == 61:  # '='
            padding_started = True
            if strict_mode and quad_pos == 0:
                raise Error('Excess padding not allowed')
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    if strict_mode and i + 1 < n:
                        raise Error('Excess data after padding')
                    return bytes(out)
            continue
        v = _B64_REV.get(c)
        if v is None:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if strict_mode and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            leftchar = v
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((leftchar << 2) | (v >> 4)) & 255)
            leftchar = v & 15
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((leftchar << 4) | (v >> 2)) & 255)
            leftchar = v & 3
        else:
            quad_pos = 0
            out.append(((leftchar << 6) | v) & 255)
            leftchar = 0
    if quad_pos == 1:
        raise Error('Invalid base64-encoded string: number of data characters (%d) cannot be 1 more '
                    'than a multiple of 4' % (len(out) // 3 * 4 + 1))
    if quad_pos != 0:
        raise Error('Incorrect padding')
    return bytes(out)


_CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _k in range(8):
        if _c & 1:
            _c = 0xEDB88320 ^ (_c >> 1)
        else:
            _c >>= 1
    _CRC_TABLE.append(_c)


def crc32(data, crc=0):
    data = _binary(data)
    crc = (~crc) & 0xFFFFFFFF
    table = _CRC_TABLE
    for b in data:
        crc = table[(crc ^ b) & 255] ^ (crc >> 8)
    return (~crc) & 0xFFFFFFFF


def crc_hqx(data, crc):
    data = _binary(data)
    crc &= 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            if crc & 0x8000:
                crc = ((crc << 1) ^ 0x1021) & 0xFFFF
            else:
                crc = (crc << 1) & 0xFFFF
    return crc


def b2a_uu(data, *, backtick=False):
    data = _binary(data)
    if len(data) > 45:
        raise Error('At most 45 bytes at once')
    out = bytearray()
    if backtick and not data:
        out.append(96)
    else:
        out.append(32 + len(data))
    padded = data + b'\0' * ((-len(data)) % 3)
    for i in range(0, len(padded), 3):
        v = (padded[i] << 16) | (padded[i + 1] << 8) | padded[i + 2]
        for shift in (18, 12, 6, 0):
            c = (v >> shift) & 63
            out.append(96 if backtick and not c else c + 32)
    out.append(10)
    return bytes(out)


def a2b_uu(data):
    data = _ascii_data(data)
    # An empty line reads as a NUL length byte, as in C where the buffer is NUL-terminated.
    first = data[0] if data else 0
    bin_len = (first - 32) & 63
    out = bytearray()
    leftchar = 0
    leftbits = 0
    pos = 1
    n = len(data)
    while bin_len > 0:
        c = data[pos] if pos < n else 0
        pos += 1
        if c in (10, 13) or pos > n:
            c = 0
        else:
            if c < 32 or c > 96:
                raise Error('Illegal char')
            c = (c - 32) & 63
        leftchar = (leftchar << 6) | c
        leftbits += 6
        if leftbits >= 8:
            leftbits -= 8
            out.append((leftchar >> leftbits) & 255)
            leftchar &= (1 << leftbits) - 1
            bin_len -= 1
    while pos < n:
        c = data[pos]
        pos += 1
        if c not in (32, 96, 10, 13):
            raise Error('Trailing garbage')
    return bytes(out)


def _missing(name):
    def f(*args, **kwargs):
        raise NotImplementedError('binascii.%s is not supported by gilvm' % name)
    f.__name__ = name
    return f


b2a_qp = _missing('b2a_qp')
a2b_qp = _missing('a2b_qp')
