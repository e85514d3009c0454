# collections: deque, defaultdict, OrderedDict, Counter, namedtuple and ChainMap for gilvm.
#
# Written in Python for gilvm after CPython 3.11's behaviour and messages:
#   - defaultdict, OrderedDict and Counter are dict subclasses, as in CPython (the dict itself
#     holds the items; dict's own methods do the work);
#   - namedtuple() makes tuple subclasses with __slots__ = () and a property per field;
#   - deque keeps its items in a list from a moving head, behind a lock (see the class).
# Invariant: the dict / tuple / _items[_head:] are the only state.

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'defaultdict', 'deque', 'namedtuple']

from _thread import allocate_lock as _allocate_lock

# ids of the objects whose repr is being built: one met again inside is a cycle, shown as
# CPython shows it instead of recursing without end.
_repr_active = []


def _guarded_repr(obj, build, placeholder):
    key = id(obj)
    if key in _repr_active:
        return placeholder
    _repr_active.append(key)
    try:
        return build()
    finally:
        _repr_active.remove(key)


# ---- deque ----------------------------------------------------------------------------------

class deque:
    '''A double-ended queue kept in a list, with an optional maximum length.'''

    # _items[_head:] are the items: popleft moves _head on instead of shifting the list, and
    # the dead prefix is dropped once it is half the list, so popleft is amortised O(1).
    # _lock makes each operation atomic between threads, as CPython's are under its GIL.  No
    # Python code (__eq__, __index__, __repr__ of the items) runs while it is held: those work
    # on a snapshot, so an item's __eq__ that touches the deque cannot deadlock.

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if type(maxlen) is not int:
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._items = []
        self._head = 0
        self._lock = _allocate_lock()
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _live(self):
        # With the lock held: drops the dead prefix and returns the list of the items.
        if self._head:
            del self._items[:self._head]
            self._head = 0
        return self._items

    def _snapshot(self):
        with self._lock:
            return self._items[self._head:]

    def _popleft_locked(self):
        items = self._items
        head = self._head
        if head >= len(items):
            raise IndexError("pop from an empty deque")
        x = items[head]
        items[head] = None
        head += 1
        if head >= 32 and head * 2 >= len(items):
            del items[:head]
            head = 0
        self._head = head
        return x

    def append(self, x):
        with self._lock:
            self._items.append(x)
            m = self._maxlen
            if m is not None and len(self._items) - self._head > m:
                self._popleft_locked()

    def appendleft(self, x):
        with self._lock:
            if self._head:
                self._head -= 1
                self._items[self._head] = x
            else:
                self._items.insert(0, x)
            m = self._maxlen
            if m is not None and len(self._items) - self._head > m:
                self._items.pop()

    def pop(self):
        with self._lock:
            items = self._items
            if len(items) <= self._head:
                raise IndexError("pop from an empty deque")
            x = items.pop()
            if len(items) == self._head:
                items.clear()
                self._head = 0
            return x

    def popleft(self):
        with self._lock:
            return self._popleft_locked()

    def extend(self, iterable):
        if iterable is self:
            iterable = self._snapshot()
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = self._snapshot()
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        with self._lock:
            self._items.clear()
            self._head = 0

    def copy(self):
        return deque(self._snapshot(), self._maxlen)

    def __copy__(self):
        return self.copy()

    def count(self, x):
        return self._snapshot().count(x)

    def index(self, x, start=0, stop=None):
        items = self._snapshot()
        n = len(items)
        if stop is None:
            stop = n
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            if items[i] is x or items[i] == x:
                return i
        raise ValueError("%r is not in deque" % (x,))

    def insert(self, i, x):
        i = _as_index(i)
        with self._lock:
            live = self._live()
            if self._maxlen is not None and len(live) >= self._maxlen:
                raise IndexError("deque already at its maximum size")
            live.insert(i, x)

    def remove(self, value):
        items = self._snapshot()
        for i in range(len(items)):
            if items[i] is value or items[i] == value:
                with self._lock:
                    live = self._live()
                    if i >= len(live) or live[i] is not items[i]:
                        raise RuntimeError("deque mutated during iteration")
                    del live[i]
                return
        raise ValueError('%r is not in deque' % (value,))

    def reverse(self):
        with self._lock:
            self._live().reverse()

    def rotate(self, n=1):
        n = _as_index(n)
        with self._lock:
            items = self._live()
            size = len(items)
            if size <= 1:
                return
            n %= size
            if n:
                items[:] = items[-n:] + items[:-n]

    def _position(self, i):
        # With the lock held: the list index of item i, or IndexError.
        n = len(self._items) - self._head
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("deque index out of range")
        return self._head + i

    def __getitem__(self, i):
        i = _as_index(i)
        with self._lock:
            return self._items[self._position(i)]

    def __setitem__(self, i, x):
        i = _as_index(i)
        with self._lock:
            self._items[self._position(i)] = x

    def __delitem__(self, i):
        i = _as_index(i)
        with self._lock:
            p = self._position(i)
            del self._items[p]

    def __len__(self):
        with self._lock:
            return len(self._items) - self._head

    def __bool__(self):
        return len(self) > 0

    def __iter__(self):
        return iter(self._snapshot())

    def __reversed__(self):
        return iter(self._snapshot()[::-1])

    def __contains__(self, x):
        return x in self._snapshot()

    def __repr__(self):
        return _guarded_repr(self, self._repr, '[...]')

    def _repr(self):
        items = self._snapshot()
        if self._maxlen is None:
            return "deque(%r)" % (items,)
        return "deque(%r, maxlen=%d)" % (items, self._maxlen)

    def _other(self, other):
        return other._snapshot() if isinstance(other, deque) else None

    def __eq__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._snapshot() == o

    def __ne__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._snapshot() != o

    def __lt__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._snapshot() < o

    def __le__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._snapshot() <= o

    def __gt__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._snapshot() > o

    def __ge__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._snapshot() >= o

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        return deque(self._snapshot() + other._snapshot(), self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(self._snapshot() * n, self._maxlen)

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _as_index(n)
        with self._lock:
            live = self._live()
            live *= n
            m = self._maxlen
            if m is not None and len(live) > m:
                del live[:len(live) - m]
        return self


def _as_index(i):
    if type(i) is int:
        return i
    if hasattr(i, '__index__'):
        return i.__index__()
    raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)


# ---- dict subclasses -------------------------------------------------------------------------

class defaultdict(dict):
    '''A dict that calls default_factory() to make the value of a missing key.'''

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __repr__(self):
        return _guarded_repr(self, lambda: "%s(%r, %s)" % (type(self).__name__, self.default_factory,
                                                           dict.__repr__(self)), '...')


class OrderedDict(dict):
    '''A dict that remembers insertion order, with move_to_end and popitem(last).'''

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return key, self.pop(key)

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
            return
        rest = list(self.items())
        self.clear()
        self[key] = value
        for k, v in rest:
            self[k] = v

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __repr__(self):
        if not self:
            return "%s()" % type(self).__name__
        return _guarded_repr(self, lambda: "%s(%r)" % (type(self).__name__, list(self.items())), '...')


class Counter(dict):
    '''A dict of counts: missing keys count 0.'''

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        ordered = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return ordered if n is None else ordered[:max(n, 0)]

    def elements(self):
        # Lazy, as CPython's (which chains repeat() iterators): counts below 1 give nothing.
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        self._count(iterable, kwds, 1)

    def subtract(self, iterable=None, /, **kwds):
        self._count(iterable, kwds, -1)

    def _count(self, iterable, kwds, sign):
        if iterable is not None:
            if isinstance(iterable, dict) or hasattr(iterable, 'keys'):
                for elem in iterable.keys():
                    self[elem] = self.get(elem, 0) + sign * iterable[elem]
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + sign
        if kwds:
            self._count(kwds, None, sign)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __delitem__(self, key):
        if key in self:
            dict.__delitem__(self, key)

    def __repr__(self):
        if not self:
            return "%s()" % type(self).__name__
        return _guarded_repr(self, lambda: "%s(%r)" % (type(self).__name__, dict(self.most_common())), '...')

    def _all_pairs(self, other):
        pairs = []
        for c in (self, other):
            for e in c:
                pairs.append((self[e], other[e]))
        return pairs

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for a, b in self._all_pairs(other):
            if a != b:
                return False
        return True

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for a, b in self._all_pairs(other):
            if not a <= b:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for a, b in self._all_pairs(other):
            if not a >= b:
                return False
        return True

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def _combine(self, other, pick):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            c = pick(count, other[elem])
            if c > 0:
                result[elem] = c
        return result

    def __add__(self, other):
        result = self._combine(other, lambda a, b: a + b)
        if result is not NotImplemented:
            for elem, count in other.items():
                if elem not in self and count > 0:
                    result[elem] = count
        return result

    def __sub__(self, other):
        result = self._combine(other, lambda a, b: a - b)
        if result is not NotImplemented:
            for elem, count in other.items():
                if elem not in self and count < 0:
                    result[elem] = 0 - count
        return result

    def __or__(self, other):
        result = self._combine(other, lambda a, b: a if a > b else b)
        if result is not NotImplemented:
            for elem, count in other.items():
                if elem not in self and count > 0:
                    result[elem] = count
        return result

    def __and__(self, other):
        return self._combine(other, lambda a, b: a if a < b else b)

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()


# ---- ChainMap ---------------------------------------------------------------------------------

class ChainMap:
    '''Several mappings searched in order as one; writes go to the first.'''

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(self._merged())

    def _merged(self):
        d = {}
        for m in reversed(self.maps):
            for k in m:
                d[k] = None
        return d

    def __iter__(self):
        return iter(self._merged())

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __bool__(self):
        for m in self.maps:
            if m:
                return True
        return False

    def keys(self):
        return list(self._merged())

    def items(self):
        return [(k, self[k]) for k in self._merged()]

    def values(self):
        return [self[k] for k in self._merged()]

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None

    def new_child(self, m=None):
        return ChainMap({} if m is None else m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def __repr__(self):
        return "ChainMap(%s)" % ", ".join([repr(m) for m in self.maps])


# ---- namedtuple -------------------------------------------------------------------------------

_KEYWORDS = ['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
             'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
             'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
             'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']


def _is_identifier(s):
    if not s:
        return False
    first = s[0]
    if not (first.isalpha() or first == '_'):
        return False
    for ch in s:
        if not (ch.isalnum() or ch == '_'):
            return False
    return True


def _check_names(typename, field_names, rename):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(f) if not isinstance(f, str) else f for f in field_names]
    if rename:
        seen = []
        for i in range(len(field_names)):
            name = field_names[i]
            if (not _is_identifier(name) or name in _KEYWORDS or name.startswith('_')
                    or name in seen):
                field_names[i] = '_%d' % i
            seen.append(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not _is_identifier(name):
            raise ValueError('Type names and field names must be valid identifiers: %r' % (name,))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a keyword: %r' % (name,))
    seen = []
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % (name,))
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % (name,))
        seen.append(name)
    return field_names


def _name_list(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return '%s and %s' % (quoted[0], quoted[1])
    return '%s, and %s' % (', '.join(quoted[:-1]), quoted[-1])


def _field_readonly(self, value=None):
    # CPython's field accessors (_tuplegetter) refuse assignment with this message.
    raise AttributeError("can't set attribute")


def _field_undeletable(self):
    raise AttributeError("can't delete attribute")


def _field_property(index, name):
    return property(lambda self: self[index], _field_readonly, _field_undeletable,
                    doc='Alias for field number %d' % index)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    '''A class of tuple-like records whose items are also named attributes.'''
    fields = tuple(_check_names(typename, field_names, rename))
    n = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > n:
            raise TypeError('Got more default values than field names')
        for name, value in zip(fields[n - len(defaults):], defaults):
            field_defaults[name] = value
    qual = typename + '.__new__()'

    def bind(args, kwargs):
        if len(args) > n:
            raise TypeError('%s takes %d positional argument%s but %d were given'
                            % (qual, n + 1, '' if n == 0 else 's', len(args) + 1))
        values = list(args)
        for key in kwargs:
            if key not in fields:
                raise TypeError("%s got an unexpected keyword argument '%s'" % (qual, key))
            if fields.index(key) < len(args):
                raise TypeError("%s got multiple values for argument '%s'" % (qual, key))
        missing = []
        for i in range(len(args), n):
            name = fields[i]
            if name in kwargs:
                values.append(kwargs[name])
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
        if missing:
            raise TypeError('%s missing %d required positional argument%s: %s'
                            % (qual, len(missing), '' if len(missing) == 1 else 's',
                               _name_list(missing)))
        return tuple(values)

    def __new__(cls, *args, **kwargs):
        return tuple.__new__(cls, bind(args, kwargs))

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != n:
            raise TypeError('Expected %d arguments, got %d' % (n, len(values)))
        return tuple.__new__(cls, values)

    def _replace(self, **kwargs):
        values = list(self)
        for i in range(n):
            if fields[i] in kwargs:
                values[i] = kwargs.pop(fields[i])
        if kwargs:
            raise ValueError('Got unexpected field names: %r' % (list(kwargs),))
        return type(self)._make(values)

    def __repr__(self):
        parts = ['%s=%r' % (name, value) for name, value in zip(fields, self)]
        return '%s(%s)' % (type(self).__name__, ', '.join(parts))

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    ns = {'__slots__': (), '_fields': fields, '_field_defaults': field_defaults,
          '__match_args__': fields, '__new__': __new__, '_make': _make, '_replace': _replace,
          '__repr__': __repr__, '_asdict': _asdict, '__getnewargs__': __getnewargs__,
          '__module__': module if module is not None else '__main__',
          '__doc__': '%s(%s)' % (typename, ', '.join(fields))}
    for i in range(n):
        ns[fields[i]] = _field_property(i, fields[i])
    return type(typename, (tuple,), ns)
