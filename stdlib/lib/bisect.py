# bisect: binary search in sorted sequences, and insertion that keeps them sorted.
#
# Written in Python for gilvm, with the same comparisons as CPython's C implementation (only
# `<`, with the probe on the same side), so results and errors match: "lo must be
# non-negative", the len() TypeError for objects without a length, and the IndexError of
# indexing past the end when hi is too large.

__all__ = ['bisect_left', 'bisect_right', 'insort_left', 'insort_right', 'bisect', 'insort']


def _index(value):
    # lo and hi are converted as C does: ints, or objects with __index__.
    if isinstance(value, int):
        return int(value)
    method = getattr(type(value), "__index__", None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return method(value)


def _bounds(a, lo, hi):
    # Both bounds are converted first (as the C argument parser does), then checked.
    lo = _index(lo)
    if hi is not None:
        if not isinstance(hi, int) and getattr(type(hi), "__index__", None) is None:
            raise TypeError("argument should be integer or None, not '%s'" % type(hi).__name__)
        hi = _index(hi)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    return lo, hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """The index where x would go in sorted a, after any entries equal to x."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """The index where x would go in sorted a, before any entries equal to x."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted a, after any entries equal to it."""
    if key is None:
        lo = bisect_right(a, x, lo, hi)
    else:
        lo = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted a, before any entries equal to it."""
    if key is None:
        lo = bisect_left(a, x, lo, hi)
    else:
        lo = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


bisect = bisect_right
insort = insort_right
