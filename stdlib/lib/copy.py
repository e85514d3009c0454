"""Shallow and deep copies for gilvm (the `copy` module), written in Python.

Follows CPython 3.11's copy module for what gilvm has: immutable values are returned as they
are; lists, dicts, sets and tuples are copied by their type (sets deeply through __reduce__); a class may take over with __copy__ /
__deepcopy__(memo); other instances are rebuilt as CPython's pickle protocol does for them:
cls.__new__(cls), then the state (__getstate__() or a copy of __dict__) handed to
__setstate__ or merged into the new __dict__, then the items of a list or dict subclass.

Invariants:
  - deepcopy's memo maps id(original) -> copy, and memo[id(memo)] is a list that keeps every
    original alive until the copy is done, so no id is reused while the memo can see it.
  - A container is entered in the memo before its items are copied, so cycles copy as cycles.
"""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

# Values copy and deepcopy return unchanged: immutable, or (functions, types) shared by design.
_ATOMIC = [type(None), int, float, bool, str, range, type, type(len), type(lambda: None),
           type(NotImplemented), type(Ellipsis), property, slice]


def _is_atomic(cls):
    for t in _ATOMIC:
        if cls is t:
            return True
    return False


def _cannot_copy(x):
    # Named as CPython names a C type: qualified by its module unless that is builtins.
    cls = type(x)
    name = cls.__name__
    module = getattr(cls, '__module__', 'builtins')
    if module != 'builtins':
        name = module + '.' + name
    return TypeError("cannot pickle '%s' object" % name)


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if _is_atomic(cls) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _rebuild(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo (a dict) maps the id of each object already copied to its copy."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(cls):
        return x
    if cls is list:
        y = _deepcopy_list(x, memo)
    elif cls is dict:
        y = _deepcopy_dict(x, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _rebuild(x, memo)
    # A tuple whose items all copied to themselves is returned as it is: not memoised then.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    for a in x:
        y.append(deepcopy(a, memo))
    return y


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for k, v in x.items():
        y[deepcopy(k, memo)] = deepcopy(v, memo)
    return y


def _deepcopy_tuple(x, memo):
    items = [deepcopy(a, memo) for a in x]
    # Copying an item may have copied this tuple already, through a cycle.
    done = memo.get(id(x), None)
    if done is not None:
        return done
    for k in range(len(x)):
        if x[k] is not items[k]:
            return tuple(items)
    return x


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _state_of(x):
    """The state the pickle protocol would save for x: __getstate__() or its __dict__."""
    getstate = _class_attr(type(x), '__getstate__')
    if getstate is not None:
        return getstate(x)
    try:
        d = x.__dict__
    except AttributeError:
        d = None
    slots = _slot_values(x)
    if slots:
        # As copyreg does for classes with __slots__: (dict state or None, slot values).
        return (d or None, slots)
    return d or None


def _slot_names(cls):
    """The __slots__ names declared along cls's MRO (without __dict__ and __weakref__)."""
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ('__dict__', '__weakref__') and name not in names:
                names.append(name)
    return names


def _slot_values(x):
    values = {}
    for name in _slot_names(type(x)):
        try:
            values[name] = getattr(x, name)
        except AttributeError:
            pass
    return values


def _class_attr(cls, name):
    """cls.name if cls or a base other than object defines it, else None."""
    c = cls
    while c is not None and c is not object:
        if name in c.__dict__:
            return getattr(cls, name)
        c = c.__base__
    return None


def _set_state(y, state, memo):
    """Hands state (deep-copied if memo is not None) to y: __setstate__ or its __dict__."""
    if state is None:
        return
    if memo is not None:
        state = deepcopy(state, memo)
    setstate = _class_attr(type(y), '__setstate__')
    if setstate is not None:
        setstate(y, state)
        return
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        y.__dict__.update(state)
    if slots:
        for name, value in slots.items():
            setattr(y, name, value)


def _from_reduce(x, rv, memo):
    """Copies x from what its __reduce__ returned: (callable, args[, state])."""
    deep = memo is not None
    func, args = rv[0], rv[1]
    if deep:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if len(rv) > 2:
        _set_state(y, rv[2], memo)
    return y


def _rebuild(x, memo):
    """Copies an instance of a Python class (deeply if memo is not None)."""
    cls = type(x)
    deep = memo is not None
    reduce = _class_attr(cls, '__reduce__')
    if reduce is not None:
        return _from_reduce(x, reduce(x), memo)
    if isinstance(x, BaseException):
        # Exceptions are rebuilt from their args, as BaseException.__reduce__ says.
        args = deepcopy(x.args, memo) if deep else x.args
        y = cls(*args)
    elif isinstance(x, tuple):
        # As CPython's __reduce_ex__: cls.__new__(cls, *x.__getnewargs__()), then the state.
        getnewargs = getattr(x, '__getnewargs__', None)
        args = getnewargs() if getnewargs is not None else (tuple(x),)
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    elif hasattr(x, '__dict__') or isinstance(x, (list, dict)) or _slot_names(cls):
        y = cls.__new__(cls)
    else:
        raise _cannot_copy(x)
    if deep:
        memo[id(x)] = y
    _set_state(y, _state_of(x), memo)
    if isinstance(x, list):
        for item in x:
            y.append(deepcopy(item, memo) if deep else item)
    elif isinstance(x, dict):
        for k, v in x.items():
            if deep:
                y[deepcopy(k, memo)] = deepcopy(v, memo)
            else:
                y[k] = v
    return y
