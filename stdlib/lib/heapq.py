# heapq: binary min-heaps stored in plain lists (heap[k] <= heap[2k+1] and heap[2k+2]).
#
# Written in Python for gilvm, but for the list functions, which are native (_heapq). Every sift
# makes the same comparisons, in the same order, as CPython's, so heaps end up in the same
# shape and user __lt__ methods see the same calls.
#
# merge() is a generator, lazy as CPython's: it reads each input only when it needs its next item.

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


# The list functions are native (stdlib/heapq.cc), as CPython's C module: each Python-level
# call and comparison here cost more than the sift itself.
from _heapq import heappush, heappop, heapify, heapreplace, heappushpop


# ---- max-heaps, used by nsmallest (which keeps the n smallest seen in a max-heap) -----------

def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def _heapify_max(x):
    i = len(x) // 2 - 1
    while i >= 0:
        _siftup_max(x, i)
        i -= 1


def _heapreplace_max(heap, item):
    smallest = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return smallest


def _heappop_max(heap):
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _siftup_max(heap, 0)
        return top
    return last


# ---- merge ------------------------------------------------------------------------------------

def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator, pulling from each input only as needed."""
    # Each heap entry is [sort value, order, item, iterator]; `order` (negated when reversed)
    # breaks ties so that earlier inputs come first and items are never compared directly.
    direction = -1 if reverse else 1
    if reverse:
        heapify_, pop_, replace_ = _heapify_max, _heappop_max, _heapreplace_max
    else:
        heapify_, pop_, replace_ = heapify, heappop, heapreplace
    h = []
    order = 0
    for iterable in iterables:
        it = iter(iterable)
        for first in it:
            h.append([first if key is None else key(first), order * direction, first, it])
            break
        order += 1
    heapify_(h)
    while len(h) > 1:
        entry = h[0]
        yield entry[2]
        for item in entry[3]:
            entry[0] = item if key is None else key(item)
            entry[2] = item
            replace_(h, entry)
            break
        else:
            pop_(h)
    if h:
        entry = h[0]
        yield entry[2]
        yield from entry[3]


# ---- nsmallest / nlargest ---------------------------------------------------------------------

def nsmallest(n, iterable, key=None):
    """The n smallest elements of iterable, smallest first (sorted(iterable, key=key)[:n])."""
    if n == 1:
        items = list(iterable)
        if not items:
            return []
        return [min(items)] if key is None else [min(items, key=key)]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    items = list(iterable)
    if n <= 0:
        return []
    # Keep the n smallest in a max-heap of [value, index] (or [key, index, value]); the index
    # keeps equal values in input order and never lets two entries compare equal.
    if key is None:
        result = [[items[i], i] for i in range(min(n, len(items)))]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in items[n:]:
            if elem < top:
                _heapreplace_max(result, [elem, order])
                top = result[0][0]
                order += 1
        result.sort()
        return [e[0] for e in result]
    result = [[key(items[i]), i, items[i]] for i in range(min(n, len(items)))]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in items[n:]:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, [k, order, elem])
            top = result[0][0]
            order += 1
    result.sort()
    return [e[2] for e in result]


def nlargest(n, iterable, key=None):
    """The n largest elements of iterable, largest first."""
    if n == 1:
        items = list(iterable)
        if not items:
            return []
        return [max(items)] if key is None else [max(items, key=key)]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    items = list(iterable)
    if n <= 0:
        return []
    # A min-heap of the n largest, with decreasing order numbers so ties keep input order.
    if key is None:
        result = [[items[i], -i] for i in range(min(n, len(items)))]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in items[n:]:
            if top < elem:
                heapreplace(result, [elem, order])
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [e[0] for e in result]
    result = [[key(items[i]), -i, items[i]] for i in range(min(n, len(items)))]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in items[n:]:
        k = key(elem)
        if top < k:
            heapreplace(result, [k, order, elem])
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [e[2] for e in result]
