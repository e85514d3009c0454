"""Higher-order functions for gilvm (the `functools` module), written in Python.

Follows CPython 3.11's functools: partial, reduce, update_wrapper/wraps, cmp_to_key,
total_ordering, lru_cache/cache (with cache_info() and cache_clear()) and cached_property,
with the same reprs and error messages.

Invariants and limits:
  - lru_cache keeps its entries in one dict in least- to most-recently-used order: a hit moves
    the key to the end (delete + insert), an eviction deletes the first key. It takes no lock:
    a cached function called from several threads may count a hit or a miss twice, as CPython's
    pure-Python version may.
  - gilvm has no sets, so total_ordering works on lists of method names.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce', 'partial',
           'cached_property']

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__',)

_MISSING = object()


# ---------------------------------------------------------------------------------------------
# update_wrapper and wraps


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Makes wrapper look like wrapped: copies the `assigned` attributes that wrapped has,
    merges the `updated` dicts, and sets wrapper.__wrapped__ = wrapped. Returns wrapper."""
    for name in assigned:
        value = getattr(wrapped, name, _MISSING)
        if value is not _MISSING:
            setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Set last, so that a __wrapped__ copied from wrapped's __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """A decorator that applies update_wrapper(wrapper, wrapped) to the function it decorates."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# ---------------------------------------------------------------------------------------------
# partial


class partial:
    """partial(func, *args, **keywords): a callable that calls func with args and keywords
    first, followed by the arguments it is called with."""

    def __new__(cls, /, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func = args[0]
        args = args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial):
            # A partial of a partial is flattened into one, as CPython does.
            args = func.args + args
            merged = dict(func.keywords)
            merged.update(keywords)
            keywords = merged
            func = func.func
        self = object.__new__(cls)
        object.__setattr__(self, 'func', func)
        object.__setattr__(self, 'args', tuple(args))
        object.__setattr__(self, 'keywords', keywords)
        return self

    def __setattr__(self, name, value):
        if name == 'func' or name == 'args' or name == 'keywords':
            raise AttributeError('readonly attribute')
        object.__setattr__(self, name, value)

    def __reduce__(self):
        # What copy (and one day pickle) rebuilds a partial from.
        extra = {}
        for k, v in self.__dict__.items():
            if k != 'func' and k != 'args' and k != 'keywords':
                extra[k] = v
        return (type(self), (self.func,), (self.func, self.args, self.keywords, extra or None))

    def __setstate__(self, state):
        func, args, keywords, extra = state
        object.__setattr__(self, 'func', func)
        object.__setattr__(self, 'args', tuple(args))
        object.__setattr__(self, 'keywords', dict(keywords))
        if extra:
            self.__dict__.update(extra)

    def __call__(self, /, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)]
        for a in self.args:
            parts.append(repr(a))
        for k, v in self.keywords.items():
            parts.append('%s=%r' % (k, v))
        # As CPython's C type: its own name is qualified, a subclass's is not.
        name = 'functools.partial' if type(self) is partial else type(self).__name__
        return '%s(%s)' % (name, ', '.join(parts))


# ---------------------------------------------------------------------------------------------
# reduce


def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial]): folds iterable from the left with function."""
    if kwargs:
        raise TypeError('reduce() takes no keyword arguments')
    if len(args) < 2:
        raise TypeError('reduce expected at least 2 arguments, got %d' % len(args))
    if len(args) > 3:
        raise TypeError('reduce expected at most 3 arguments, got %d' % len(args))
    function = args[0]
    try:
        it = iter(args[1])
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if len(args) == 3:
        value = args[2]
    else:
        value = next(it, _MISSING)
        if value is _MISSING:
            raise TypeError('reduce() of empty iterable with no initial value')
    for element in it:
        value = function(value, element)
    return value


# ---------------------------------------------------------------------------------------------
# cmp_to_key


def cmp_to_key(mycmp):
    """Turns an old-style comparison function (negative, zero, positive) into a key function."""

    class K:
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


# ---------------------------------------------------------------------------------------------
# total_ordering
#
# Each derived operator calls the root one through type(self), passes NotImplemented through,
# and otherwise combines the root's answer with == (or negates it).


def _gt_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else (not r and self != other)


def _le_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else (r or self == other)


def _ge_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else not r


def _ge_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else (not r or self == other)


def _lt_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else (r and self != other)


def _gt_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else not r


def _lt_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else (not r and self != other)


def _ge_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else (r or self == other)


def _le_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else not r


def _le_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else (not r or self == other)


def _gt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else (r and self != other)


def _lt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else not r


# Ordered by preference: the root is the first of these the class defines, as in CPython.
_DERIVED = [
    ('__lt__', [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)]),
    ('__le__', [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)]),
    ('__gt__', [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)]),
    ('__ge__', [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)]),
]


def _defines(cls, name):
    """True if cls or a base other than object defines the method `name`."""
    c = cls
    while c is not None and c is not object:
        if name in c.__dict__:
            return getattr(cls, name) is not getattr(object, name, None)
        c = c.__base__
    return False


def total_ordering(cls):
    """Class decorator: fills in the missing rich comparisons from one of < <= > >=."""
    roots = [name for name, _ in _DERIVED if _defines(cls, name)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = roots[0]
    for name, derived in _DERIVED:
        if name != root:
            continue
        for opname, opfunc in derived:
            if opname not in roots:
                opfunc.__name__ = opname
                setattr(cls, opname, opfunc)
    return cls


# ---------------------------------------------------------------------------------------------
# lru_cache and cache


class _CacheInfo:
    """CacheInfo(hits, misses, maxsize, currsize): behaves as CPython's named tuple (indexing,
    len, iteration, == with tuples). gilvm cannot subclass tuple yet, so it wraps one."""
    __slots__ = ['_t']

    def __init__(self, hits, misses, maxsize, currsize):
        self._t = (hits, misses, maxsize, currsize)

    hits = property(lambda self: self._t[0])
    misses = property(lambda self: self._t[1])
    maxsize = property(lambda self: self._t[2])
    currsize = property(lambda self: self._t[3])

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 4

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        if isinstance(other, _CacheInfo):
            other = other._t
        return self._t == other

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self._t)

    def __repr__(self):
        return 'CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)' % self._t

    def _asdict(self):
        return {'hits': self._t[0], 'misses': self._t[1], 'maxsize': self._t[2],
                'currsize': self._t[3]}


_CacheInfo.__name__ = 'CacheInfo'
_CacheInfo.__qualname__ = 'CacheInfo'


class _KwdMark:
    """Separates positional arguments from keyword ones in a cache key."""


_KWD_MARK = (_KwdMark,)


def _make_key(args, kwds, typed):
    """A hashable key for one call: the arguments, the keyword items, and (typed) the types."""
    key = args
    if kwds:
        key += _KWD_MARK
        for item in kwds.items():
            key += item
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and (type(key[0]) is int or type(key[0]) is str):
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Decorator: remembers up to maxsize results of the decorated function (None: no limit),
    discarding the least recently used first. typed=True caches 1 and 1.0 separately."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used as @lru_cache, without parentheses.
        user_function, maxsize = maxsize, 128
        return _lru_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)

    return decorating_function


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]  # hits, misses

    def wrapper(*args, **kwds):
        if maxsize == 0:
            stats[1] += 1
            return user_function(*args, **kwds)
        key = _make_key(args, kwds, typed)
        result = cache.get(key, _MISSING)
        if result is not _MISSING:
            stats[0] += 1
            if maxsize is not None:
                # Move the key to the most recently used end.
                del cache[key]
                cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwds)
        if key in cache:
            # The call itself cached this key (recursion); keep that entry.
            return result
        if maxsize is not None and len(cache) >= maxsize:
            del cache[next(iter(cache))]
        cache[key] = result
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = 0
        stats[1] = 0

    def cache_parameters():
        return {'maxsize': maxsize, 'typed': typed}

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return update_wrapper(wrapper, user_function)


def cache(user_function):
    """An unbounded lru_cache: lru_cache(maxsize=None)(user_function)."""
    return lru_cache(maxsize=None)(user_function)


# ---------------------------------------------------------------------------------------------
# cached_property


def _name_in_class(cls, value):
    """The name under which cls or one of its bases holds `value`, or None."""
    c = cls
    while c is not None:
        for name, v in c.__dict__.items():
            if v is value:
                return name
        c = c.__base__
    return None


class cached_property:
    """A property computed once per instance: the first access stores the result in the
    instance's __dict__ under the same name, which later lookups find first."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError('Cannot assign the same cached_property to two different names '
                            '(%r and %r).' % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            # gilvm does not call __set_name__ yet: find the name this object is bound to.
            self.attrname = _name_in_class(type(instance), self)
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without calling '
                            '__set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError("No '__dict__' attribute on %r instance to cache %r property."
                            % (type(instance).__name__, self.attrname)) from None
        val = cache.get(self.attrname, _MISSING)
        if val is _MISSING:
            val = self.func(instance)
            cache[self.attrname] = val
        return val
