# random: pseudo-random numbers with CPython's sequences.
#
# The core generator is _random.Random (stdlib/random.cc), the Mersenne Twister, which yields
# for a given seed the same 32-bit words as CPython's. Everything here derives its results from
# those words exactly the way CPython 3.11 does (same number of draws, same arithmetic), so a
# seeded program prints the same values under gilvm and under python3.
#
# Differences from CPython, by necessity:
#  - gilvm cannot yet subclass a built-in type, so Random is a plain Python class that holds a
#    native generator in `self._gen` instead of deriving from _random.Random. Subclasses of
#    Random work as usual (override random() and friends).
#  - No generators: choices() and sample() build plain lists. SystemRandom and randbytes are
#    not provided (randbytes needs bytes, which gilvm does not have yet).
#  - Non-integer floats given to randrange() raise the same errors, but the DeprecationWarning
#    CPython prints for integral floats is not printed (there is no warnings module yet).
import _random
import math

_log = math.log
_exp = math.exp
_sqrt = math.sqrt
_cos = math.cos
_sin = math.sin
_acos = math.acos
_floor = math.floor
_ceil = math.ceil
_isfinite = math.isfinite
_pi = math.pi
_e = math.e

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
TWOPI = 2.0 * _pi
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53
RECIP_BPF = 2 ** -BPF

__all__ = ["Random", "seed", "random", "uniform", "randint", "choice", "sample", "randrange",
           "shuffle", "normalvariate", "lognormvariate", "expovariate", "vonmisesvariate",
           "gammavariate", "triangular", "gauss", "betavariate", "paretovariate",
           "weibullvariate", "getstate", "setstate", "getrandbits", "choices"]

# A marker for "step not given" that no caller can pass by accident.
_NO_STEP = ["no step"]

# bytes and bytearray join these once gilvm has them (the names may not exist yet).
try:
    _BYTES_TYPES = (bytes, bytearray)
except NameError:
    _BYTES_TYPES = ()
_SEQUENCE_TYPES = (list, tuple, str, range) + _BYTES_TYPES
_STR_AND_BYTES = (str,) + _BYTES_TYPES[:1]
_SEED_TYPES = (int, float, str) + _BYTES_TYPES


def _as_index(value):
    # operator.index without importing operator: ints pass, objects with __index__ convert,
    # anything else raises TypeError.
    if isinstance(value, int):
        return int(value)
    method = getattr(type(value), "__index__", None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return method(value)


def _range_bound(value, what):
    # A randrange bound as an int; an integral float is accepted (CPython 3.11 warns, then
    # accepts it); anything else is the ValueError CPython raises.
    try:
        return _as_index(value)
    except TypeError:
        as_int = int(value)
        if as_int != value:
            raise ValueError("non-integer %s for randrange()" % what)
        return as_int


def _cumulative(values):
    # itertools.accumulate(values) as a list: running sums with +.
    out = []
    total = None
    first = True
    for v in values:
        if first:
            total = v
            first = False
        else:
            total = total + v
        out.append(total)
    return out


def _bisect_right(a, x, lo, hi):
    # bisect.bisect_right on a[lo:hi], kept here so random does not depend on bisect.
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


# Per class: does _randbelow draw with getrandbits (True) or from random() (False)?
_BELOW_METHOD = {}


def _uses_getrandbits(cls):
    # The nearest class in the MRO that defines getrandbits or random decides, unless one
    # overrides _randbelow itself (then the override runs and this answer is unused).
    for c in cls.__mro__:
        if '_randbelow' in c.__dict__ and c is not Random:
            return True
        if 'getrandbits' in c.__dict__:
            return True
        if 'random' in c.__dict__:
            return False
    return True


class Random:
    """A Mersenne Twister generator with CPython's sequences (see the file header)."""

    VERSION = 3

    def __new__(cls, *args, **kwargs):
        # The generator is made here, not in __init__, so a subclass whose __init__ does not
        # call Random.__init__ still has one (seeded from the OS), as with CPython's C type.
        self = object.__new__(cls)
        self._gen = _random.Random()
        self.gauss_next = None
        return self

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        """Reseed from a (None, int, float, str, bytes or bytearray)."""
        if version == 1 and isinstance(a, _STR_AND_BYTES):
            # Python 2's string hash wraps at 2**64, so the native side computes it.
            self._gen._seed_version1(a)
            self.gauss_next = None
            return
        if not (a is None or isinstance(a, _SEED_TYPES)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        self._gen.seed(a)
        self.gauss_next = None

    def getstate(self):
        """The generator's state, for setstate()."""
        return self.VERSION, self._gen.getstate(), self.gauss_next

    def setstate(self, state):
        """Restore a state returned by getstate()."""
        version = state[0]
        if version == 3:
            version, internal, self.gauss_next = state
            self._gen.setstate(internal)
        elif version == 2:
            version, internal, self.gauss_next = state
            self._gen.setstate(tuple([x % 4294967296 for x in internal]))
        else:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s" % (version, self.VERSION))

    # random() and getrandbits() pass their arguments through so that bad calls get the
    # native methods' messages, as in CPython, where they are C methods.
    def random(self, *args):
        """A float in [0.0, 1.0)."""
        return self._gen.random(*args)

    def getrandbits(self, *args):
        """An int with k random bits."""
        return self._gen.getrandbits(*args)

    def _randbelow(self, n):
        # A uniform int in [0, n). CPython picks the method per class in __init_subclass__
        # (which gilvm does not run yet), so the choice is made here, once per class.
        cls = type(self)
        if cls is Random:
            return self._gen._randbelow(n)  # the same draws, without the Python-level loop
        use_bits = _BELOW_METHOD.get(cls)
        if use_bits is None:
            use_bits = _uses_getrandbits(cls)
            _BELOW_METHOD[cls] = use_bits
        if use_bits:
            return self._randbelow_with_getrandbits(n)
        return self._randbelow_without_getrandbits(n)

    def _randbelow_with_getrandbits(self, n):
        # Draw bit_length(n) bits until the value is below n.
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n):
        # For subclasses that supply only random(): scale a float, rejecting the top sliver
        # of [0, 1) that would make small results more likely.
        maxsize = 1 << BPF
        if n >= maxsize:
            return _floor(self.random() * n)
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = self.random()
        while r >= limit:
            r = self.random()
        return _floor(r * maxsize) % n

    # ---- integers -------------------------------------------------------------------------

    def randrange(self, start, stop=None, step=_NO_STEP):
        """A random element of range(start, stop, step)."""
        istart = start if type(start) is int else _range_bound(start, "arg 1")
        if stop is None:
            if step is not _NO_STEP:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = stop if type(stop) is int else _range_bound(stop, "stop")
        width = istop - istart
        istep = 1 if step is _NO_STEP else _range_bound(step, "step")
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        """A random int N with a <= N <= b."""
        return self.randrange(a, b + 1)

    # ---- sequences ------------------------------------------------------------------------

    def choice(self, seq):
        """A random element of a non-empty sequence."""
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """Shuffle the list x in place; returns None."""
        i = len(x) - 1
        while i > 0:
            j = self._randbelow(i + 1)
            x[i], x[j] = x[j], x[i]
            i -= 1

    def sample(self, population, k, *, counts=None):
        """k distinct elements of population, in selection order."""
        if not isinstance(population, _SEQUENCE_TYPES):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum = _cumulative(counts)
            if len(cum) != n:
                raise ValueError('The number of counts does not match the population')
            total = cum.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            picks = self.sample(range(total), k=k)
            return [population[_bisect_right(cum, s, 0, len(cum))] for s in picks]
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        # CPython picks between two methods by comparing n with a size estimate; the choice
        # decides which draws are made, so it is reproduced exactly.
        limit = 21
        if k > 5:
            limit += 4 ** _ceil(_log(k * 3, 4))
        if n <= limit:
            pool = list(population)
            for i in range(k):
                j = self._randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            taken = {}
            for i in range(k):
                j = self._randbelow(n)
                while j in taken:
                    j = self._randbelow(n)
                taken[j] = True
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """k elements chosen with replacement, optionally weighted."""
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[_floor(self.random() * n)] for i in range(k)]
            try:
                cum_weights = _cumulative(weights)
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError('The number of choices must be a keyword argument: k=%r' % k) from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        hi = n - 1
        return [population[_bisect_right(cum_weights, self.random() * total, 0, hi)]
                for i in range(k)]

    # ---- real-valued distributions ---------------------------------------------------------

    def uniform(self, a, b):
        """A float between a and b."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution on [low, high] peaking at mode (default: the midpoint)."""
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution (Kinderman and Monahan's ratio method)."""
        while True:
            u1 = self.random()
            u2 = 1.0 - self.random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            if z * z / 4.0 <= -_log(u2):
                return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Normal distribution (Box-Muller: each pair of draws gives two values)."""
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            angle = self.random() * TWOPI
            radius = _sqrt(-2.0 * _log(1.0 - self.random()))
            z = _cos(angle) * radius
            self.gauss_next = _sin(angle) * radius
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log normal distribution."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution with rate lambd."""
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Von Mises distribution (circular), mean angle mu, concentration kappa."""
        if kappa <= 1e-6:
            return TWOPI * self.random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            z = _cos(_pi * self.random())
            d = z / (r + z)
            u2 = self.random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        if self.random() > 0.5:
            return (mu + _acos(f)) % TWOPI
        return (mu - _acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        """Gamma distribution with shape alpha and scale beta."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        if alpha > 1.0:
            return self._gamma_large(alpha) * beta
        if alpha == 1.0:
            return -_log(1.0 - self.random()) * beta
        return self._gamma_small(alpha) * beta

    def _gamma_large(self, alpha):
        # alpha > 1: Cheng's rejection method (1977).
        ainv = _sqrt(2.0 * alpha - 1.0)
        bbb = alpha - LOG4
        ccc = alpha + ainv
        while True:
            u1 = self.random()
            if not 1e-7 < u1 < 0.9999999:
                continue
            u2 = 1.0 - self.random()
            v = _log(u1 / (1.0 - u1)) / ainv
            x = alpha * _exp(v)
            z = u1 * u1 * u2
            r = bbb + ccc * v - x
            if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                return x

    def _gamma_small(self, alpha):
        # alpha < 1: the Ahrens-Dieter "GS" rejection method.
        while True:
            b = (_e + alpha) / _e
            p = b * self.random()
            if p <= 1.0:
                x = p ** (1.0 / alpha)
            else:
                x = -_log((b - p) / alpha)
            u1 = self.random()
            if p > 1.0:
                if u1 <= x ** (alpha - 1.0):
                    return x
            elif u1 <= _exp(-x):
                return x

    def betavariate(self, alpha, beta):
        """Beta distribution on [0, 1]."""
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        """Pareto distribution with shape alpha."""
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution with scale alpha and shape beta."""
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)


# The module-level functions share one hidden generator, seeded from the OS.
_inst = Random()
seed = _inst.seed
# random() and getrandbits() go straight to the native generator: _inst is a plain Random, and
# seed()/setstate() change that generator in place, never replace it.
random = _inst._gen.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst._gen.getrandbits
