# fractions: exact rational numbers (Fraction), written in Python for gilvm on top of its big ints.
#
# Follows CPython 3.11's documented behaviour: construction from ints, Fractions, floats (exactly)
# and strings; normalised numerator/denominator; arithmetic mixing int/Fraction (exact result),
# float (float result) and complex (complex result); comparisons; hashes equal to those of equal
# ints and floats; limit_denominator, rounding and powers.
# Fraction is registered as a numbers.Rational (not a subclass of it), and the constructor
# accepts any numbers.Rational; the operators know int, Fraction and float.
# Left out: decimal.Decimal arguments (Fraction.from_decimal raises NotImplementedError).

import math
import numbers
import operator

__all__ = ['Fraction']

_HASH_MODULUS = 2305843009213693951  # 2**61 - 1, as sys.hash_info.modulus on 64-bit CPython
_HASH_INF = 314159

try:
    _COMPLEX = complex
except NameError:  # gilvm has no complex numbers
    _COMPLEX = ()


def _is_rational(x):
    return isinstance(x, (int, Fraction)) or isinstance(x, numbers.Rational)


def _digits(text, allow_empty):
    # Validates a run of decimal digits with single underscores between digits.
    if text == '':
        return allow_empty
    if text[0] == '_' or text[-1] == '_' or '__' in text:
        return False
    for ch in text:
        if ch != '_' and not ch.isdecimal():
            return False
    return True


def _parse(s):
    # Returns (numerator, denominator) for a Fraction literal, or None when it is invalid.
    t = s.strip()
    sign = 1
    if t[:1] in ('+', '-'):
        if t[0] == '-':
            sign = -1
        t = t[1:]
    if '/' in t:
        num, _, den = t.partition('/')
        if not _digits(num, False) or not _digits(den, False):
            return None
        return sign * int(num.replace('_', '')), int(den.replace('_', ''))
    exp = 0
    epos = -1
    for i, ch in enumerate(t):
        if ch in 'eE':
            epos = i
            break
    if epos >= 0:
        etext = t[epos + 1:]
        t = t[:epos]
        esign = 1
        if etext[:1] in ('+', '-'):
            if etext[0] == '-':
                esign = -1
            etext = etext[1:]
        if not _digits(etext, False):
            return None
        exp = esign * int(etext.replace('_', ''))
    if '.' in t:
        intpart, _, frac = t.partition('.')
        if not _digits(intpart, True) or not _digits(frac, True):
            return None
    else:
        intpart, frac = t, ''
        if not _digits(intpart, False):
            return None
    # A leading digit is required before '.', or right after it.
    if intpart == '' and (frac == '' or not frac[0].isdecimal()):
        return None
    digits = intpart.replace('_', '') + frac.replace('_', '')
    n = int(digits) if digits else 0
    d = 1
    scale = len(frac.replace('_', ''))
    exp -= scale
    if exp >= 0:
        n *= 10 ** exp
    else:
        d = 10 ** (-exp)
    return sign * n, d


def _coprime(n, d):
    # A Fraction from a numerator and a positive denominator already in lowest terms.
    obj = object.__new__(Fraction)
    obj._numerator = n
    obj._denominator = d
    return obj


class Fraction:
    """A rational number numerator/denominator, kept in lowest terms with a positive denominator."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return self
            if isinstance(numerator, numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % (numerator,))
                numerator, denominator = parsed
            else:
                if type(numerator).__name__ == 'Decimal':
                    raise NotImplementedError('Fraction from decimal.Decimal is not supported by gilvm')
                raise TypeError('argument should be a string or a Rational instance')
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (numerator.numerator * denominator.denominator,
                                      denominator.numerator * numerator.denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        raise NotImplementedError('Fraction.from_decimal is not supported by gilvm (no decimal module)')

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        bound1 = Fraction(p0 + k * p1, q0 + k * q1)
        bound2 = Fraction(p1, q1)
        if abs(bound2 - self) <= abs(bound1 - self):
            return bound2
        return bound1

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    @property
    def real(a):
        return a

    @property
    def imag(a):
        return 0

    def conjugate(a):
        return a

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # -- arithmetic ------------------------------------------------------------------------

    # The four operations reduce by gcds of the (usually smaller) denominators and cross terms
    # instead of one gcd of the full result, which keeps big-int gcds small.

    def _add(a, b):
        return Fraction._add_sub(a._numerator, a._denominator, b._numerator, b._denominator)

    def _sub(a, b):
        return Fraction._add_sub(a._numerator, a._denominator, -b._numerator, b._denominator)

    @staticmethod
    def _add_sub(na, da, nb, db):
        g = math.gcd(da, db)
        if g == 1:
            return _coprime(na * db + da * nb, da * db)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return _coprime(t, s * db)
        return _coprime(t // g2, s * (db // g2))

    def _mul(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return _coprime(na * nb, db * da)

    def _div(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        if nb == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % (na * db))
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return _coprime(n, d)

    def _floordiv(a, b):
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    def _divmod(a, b):
        da, db = a._denominator, b._denominator
        div, n_mod = divmod(a._numerator * db, da * b._numerator)
        return div, Fraction(n_mod, da * db)

    def _mod(a, b):
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    def __add__(a, b):
        return a._forward(b, Fraction._add, operator.add)

    def __radd__(b, a):
        return b._reverse(a, Fraction._add, operator.add)

    def __sub__(a, b):
        return a._forward(b, Fraction._sub, operator.sub)

    def __rsub__(b, a):
        return b._reverse(a, Fraction._sub, operator.sub)

    def __mul__(a, b):
        return a._forward(b, Fraction._mul, operator.mul)

    def __rmul__(b, a):
        return b._reverse(a, Fraction._mul, operator.mul)

    def __truediv__(a, b):
        return a._forward(b, Fraction._div, operator.truediv)

    def __rtruediv__(b, a):
        return b._reverse(a, Fraction._div, operator.truediv)

    def __floordiv__(a, b):
        return a._forward(b, Fraction._floordiv, operator.floordiv, False)

    def __rfloordiv__(b, a):
        return b._reverse(a, Fraction._floordiv, operator.floordiv, False)

    def __divmod__(a, b):
        return a._forward(b, Fraction._divmod, divmod, False)

    def __rdivmod__(b, a):
        return b._reverse(a, Fraction._divmod, divmod, False)

    def __mod__(a, b):
        return a._forward(b, Fraction._mod, operator.mod, False)

    def __rmod__(b, a):
        return b._reverse(a, Fraction._mod, operator.mod, False)

    def _forward(a, b, exact, fallback, complex_ok=True):
        if isinstance(b, (int, Fraction)):
            return exact(a, Fraction(b))
        if isinstance(b, float):
            return fallback(float(a), b)
        if complex_ok and isinstance(b, _COMPLEX):
            return fallback(complex(a), b)
        return NotImplemented

    def _reverse(b, a, exact, fallback, complex_ok=True):
        if isinstance(a, (int, Fraction)):
            return exact(Fraction(a), b)
        if isinstance(a, float):
            return fallback(a, float(b))
        if complex_ok and isinstance(a, _COMPLEX):
            return fallback(a, complex(b))
        return NotImplemented

    def __pow__(a, b):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            if b._denominator == 1:
                power = b._numerator
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
                if a._numerator > 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power, _normalize=False)
                if a._numerator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % (a._denominator ** -power))
                return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power, _normalize=False)
            return float(a) ** float(b)
        return float(a) ** b

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, (int, Fraction)):
            return Fraction(a) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        return a.__int__()

    def __float__(a):
        return a._numerator / a._denominator

    def __complex__(a):
        return _COMPLEX(float(a))

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            if floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    # -- hashing and comparisons -----------------------------------------------------------

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, _COMPLEX) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == Fraction(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return op(self._numerator * other._denominator, self._denominator * other._numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, Fraction(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        return bool(a._numerator)

    # -- copying and pickling --------------------------------------------------------------

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


numbers.Rational.register(Fraction)
