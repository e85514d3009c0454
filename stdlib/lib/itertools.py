# itertools: iterator building blocks for gilvm.
#
# Written in Python for gilvm after CPython 3.11's behaviour.  gilvm has no generators, so
# every function here is a class with __iter__/__next__ that keeps its position in instance
# attributes.  Invariant: each iterator pulls from its inputs only when __next__ asks for a
# value, so laziness matches CPython (count() is infinite; islice stops it).  The
# combinatoric ones (product, permutations, combinations...) read their inputs whole first,
# as CPython does.

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress',
           'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee', 'zip_longest']


class _Iter:
    def __iter__(self):
        return self


def _add(a, b):
    return a + b


class count(_Iter):
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)) and not hasattr(v, '__add__'):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)


class cycle(_Iter):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._i = -1   # -1 while the input still gives values

    def __next__(self):
        if self._i < 0:
            for x in self._it:
                self._saved.append(x)
                return x
            if not self._saved:
                raise StopIteration
            self._i = 0
        x = self._saved[self._i]
        self._i = (self._i + 1) % len(self._saved)
        return x


class repeat(_Iter):
    def __init__(self, object, times=None):
        self._obj = object
        self._left = times
        if times is not None and times < 0:
            self._left = 0

    def __next__(self):
        if self._left is None:
            return self._obj
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        return self._obj

    def __length_hint__(self):
        return 0 if self._left is None else self._left

    def __repr__(self):
        if self._left is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._left)


class accumulate(_Iter):
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = _add if func is None else func
        self._total = initial
        self._started = initial is not None
        self._pending_initial = initial is not None

    def __next__(self):
        if self._pending_initial:
            self._pending_initial = False
            return self._total
        x = next(self._it)
        if self._started:
            self._total = self._func(self._total, x)
        else:
            self._total = x
            self._started = True
        return self._total


class chain(_Iter):
    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._cur = None

    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._sources = iter(iterables)
        return c

    def __next__(self):
        while True:
            if self._cur is None:
                self._cur = iter(next(self._sources))
            for x in self._cur:
                return x
            self._cur = None


class compress(_Iter):
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._sel = iter(selectors)

    def __next__(self):
        while True:
            x = next(self._data)
            if next(self._sel):
                return x


class dropwhile(_Iter):
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __next__(self):
        while True:
            x = next(self._it)
            if not self._dropping:
                return x
            if not self._pred(x):
                self._dropping = False
                return x


class takewhile(_Iter):
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._done = False

    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._pred(x):
            return x
        self._done = True
        raise StopIteration


class filterfalse(_Iter):
    def __init__(self, function, iterable):
        self._pred = bool if function is None else function
        self._it = iter(iterable)

    def __next__(self):
        while True:
            x = next(self._it)
            if not self._pred(x):
                return x


class _Group(_Iter):
    # One group of a groupby: valid only while its parent still points at it.
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __next__(self):
        p = self._parent
        if p._group is not self or p._exhausted:
            raise StopIteration
        if p._has_value:
            if p._curkey != self._key:
                raise StopIteration
            p._has_value = False
            return p._value
        p._advance()
        if p._exhausted or p._curkey != self._key:
            raise StopIteration
        p._has_value = False
        return p._value


class groupby(_Iter):
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._group = None
        self._exhausted = False
        self._has_value = False   # _value not yet given to any group
        self._value = None
        self._curkey = None
        self._started = False

    def _advance(self):
        for x in self._it:
            self._value = x
            self._curkey = x if self._keyfunc is None else self._keyfunc(x)
            self._has_value = True
            return
        self._exhausted = True

    def __next__(self):
        if not self._started:
            self._started = True
            self._advance()
        elif self._group is not None:
            # Skip what is left of the current group.
            old = self._group._key
            while not self._exhausted and (not self._has_value or self._curkey == old):
                self._advance()
        if self._exhausted:
            raise StopIteration
        self._group = _Group(self, self._curkey)
        return (self._curkey, self._group)


class islice(_Iter):
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
        else:
            raise TypeError('islice expected at most 4 arguments, got %d' % (len(args) + 1))
        if stop is not None and (type(stop) is not int or stop < 0):
            raise ValueError('Stop argument for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
        if start is None:
            start = 0
        if step is None:
            step = 1
        if type(start) is not int or start < 0:
            raise ValueError('Indices for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
        if type(step) is not int or step < 1:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(iterable)
        self._next = start   # index of the next item to give
        self._stop = stop
        self._step = step
        self._pos = 0        # index of the next item the input will give

    def __next__(self):
        if self._stop is not None and self._next >= self._stop:
            # Consume up to stop, as CPython does, then end for good.
            while self._pos < self._stop:
                self._pos += 1
                next(self._it, None)
            raise StopIteration
        while self._pos < self._next:
            next(self._it)
            self._pos += 1
        x = next(self._it)
        self._pos += 1
        self._next += self._step
        return x


class starmap(_Iter):
    def __init__(self, function, iterable):
        self._func = function
        self._it = iter(iterable)

    def __next__(self):
        return self._func(*next(self._it))


class _TeeBuffer:
    # Values read from the shared input that some tee iterator has not yet given.
    def __init__(self, it):
        self.it = iter(it)
        self.values = []
        self.base = 0   # index (in the whole stream) of values[0]


class _Tee(_Iter):
    def __init__(self, buf, pos):
        self._buf = buf
        self._pos = pos

    def __next__(self):
        buf = self._buf
        i = self._pos - buf.base
        if i >= len(buf.values):
            buf.values.append(next(buf.it))
        x = buf.values[self._pos - buf.base]
        self._pos += 1
        return x

    def __copy__(self):
        return _Tee(self._buf, self._pos)


def tee(iterable, n=2):
    if type(n) is not int:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    buf = _TeeBuffer(iterable)
    return tuple([_Tee(buf, 0) for _ in range(n)])


class zip_longest(_Iter):
    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fill = fillvalue

    def __next__(self):
        if not self._its or self._active == 0:
            raise StopIteration
        out = []
        for i in range(len(self._its)):
            it = self._its[i]
            if it is None:
                out.append(self._fill)
                continue
            got = False
            for x in it:
                out.append(x)
                got = True
                break
            if not got:
                self._active -= 1
                if self._active == 0:
                    raise StopIteration
                self._its[i] = None
                out.append(self._fill)
        return tuple(out)


class pairwise(_Iter):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._prev = None
        self._started = False

    def __next__(self):
        if not self._started:
            self._prev = next(self._it)
            self._started = True
        x = next(self._it)
        pair = (self._prev, x)
        self._prev = x
        return pair


class _FromList(_Iter):
    def __init__(self, results):
        self._results = results
        self._i = 0

    def __next__(self):
        if self._i >= len(self._results):
            raise StopIteration
        self._i += 1
        return self._results[self._i - 1]


class product(_FromList):
    def __init__(self, *iterables, repeat=1):
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(p) for p in iterables] * repeat
        results = [()]
        for pool in pools:
            results = [r + (x,) for r in results for x in pool]
        _FromList.__init__(self, results)


def _check_r(r):
    if type(r) is not int:
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError('r must be non-negative')


class permutations(_FromList):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        if r is None:
            r = n
        _check_r(r)
        results = []
        if r <= n:
            self._perm(pool, [], [False] * n, r, results)
        _FromList.__init__(self, results)

    def _perm(self, pool, chosen, used, r, results):
        if len(chosen) == r:
            results.append(tuple(chosen))
            return
        for i in range(len(pool)):
            if not used[i]:
                used[i] = True
                chosen.append(pool[i])
                self._perm(pool, chosen, used, r, results)
                chosen.pop()
                used[i] = False


class combinations(_FromList):
    def __init__(self, iterable, r):
        _check_r(r)
        pool = tuple(iterable)
        results = []
        self._comb(pool, 0, [], r, results, 1)
        _FromList.__init__(self, results)

    def _comb(self, pool, start, chosen, r, results, advance):
        if len(chosen) == r:
            results.append(tuple(chosen))
            return
        for i in range(start, len(pool)):
            chosen.append(pool[i])
            self._comb(pool, i + advance, chosen, r, results, advance)
            chosen.pop()


class combinations_with_replacement(combinations):
    def __init__(self, iterable, r):
        _check_r(r)
        pool = tuple(iterable)
        results = []
        if pool or r == 0:
            self._comb(pool, 0, [], r, results, 0)
        _FromList.__init__(self, results)
