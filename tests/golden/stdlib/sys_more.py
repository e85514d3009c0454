# sys: version_info, implementation, hexversion, float_info, int_info, intern, getsizeof and
# the encodings (nothing that differs between CPython and gilvm is printed).
import sys


def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


v = sys.version_info
print(v[:2], v.major, v.minor, v >= (3, 11), v < (4,), v > (3, 11, 0, 'alpha'), len(v) == 5)
print(v.releaselevel, v.serial, v[0] == v.major, tuple(v)[:2], type(v.micro).__name__)
major, minor, micro, level, serial = v
print(major, minor, level)
print(sys.hexversion >> 16 == 0x030B, type(sys.implementation.name).__name__)
print(sys.implementation.version[:2], sys.implementation.version == sys.version_info)
f = sys.float_info
print(f.max, f.min, f.epsilon, f.dig, f.mant_dig, f.radix, f.max_exp, f.min_exp, f[0] == f.max, len(f))
print(f.max_10_exp, f.min_10_exp, f.rounds)
print(sys.int_info.bits_per_digit, sys.int_info.sizeof_digit, len(sys.int_info))
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
a = ''.join(['ab', 'cd'])
print(sys.intern(a) is sys.intern('abcd'), sys.intern('x'))
print(type(sys.getsizeof(1)).__name__, sys.getsizeof([]) > 0, sys.getsizeof('abc') > 0)
# A str's size is CPython's: its code units are as wide as its widest code point needs.
print([sys.getsizeof(s) for s in ['', 'a', 'abc', 'a' * 1000, '\xe9', '\xe9' * 9, '\u20ac', 'a\u20ac' * 5, '\U0001f600', 'x\U0001f600y']])
print(sys.flags.debug, sys.flags.optimize, sys.maxsize, sys.byteorder)
attempt(sys.intern, 5)
attempt(sys.getdefaultencoding, 1)
