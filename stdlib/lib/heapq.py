# heapq: binary min-heaps stored in plain lists (heap[k] <= heap[2k+1] and heap[2k+2]).
#
# Written in Python for gilvm. The sift routines make the same comparisons, in the same order,
# as CPython's C implementation, so heaps end up in the same shape and user __lt__ methods see
# the same calls. The list functions parse their arguments by hand to raise CPython's C-level
# messages ("heappush expected 2 arguments, got 1").
#
# merge() is a generator, lazy as CPython's: it reads each input only when it needs its next item.

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


# The callers test the common case inline and call these checks only when it fails: each
# Python-level call costs more than the sift itself for small heaps.
def _check_args(name, args, kwargs, count):
    # The C functions take exactly `count` positional arguments, and no keywords.
    if kwargs:
        raise TypeError("_heapq.%s() takes no keyword arguments" % name)
    if len(args) != count:
        if count == 1:
            raise TypeError("_heapq.%s() takes exactly one argument (%d given)" % (name, len(args)))
        raise TypeError("%s expected %d arguments, got %d" % (name, count, len(args)))


def _check_list(name, heap, count):
    if not isinstance(heap, list):
        which = "argument 1" if count > 1 else "argument"
        raise TypeError("%s() %s must be list, not %s" % (name, which, type(heap).__name__))


def _siftdown(heap, startpos, pos):
    # Move heap[pos] up towards startpos while it is smaller than its parent.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    # Move the smaller child up until a leaf is reached, then sift the item back into place:
    # fewer comparisons than stopping early, and the order CPython uses.
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def heappush(*args, **kwargs):
    """Push item onto heap, keeping the heap invariant."""
    if kwargs or len(args) != 2:
        _check_args("heappush", args, kwargs, 2)
    heap, item = args
    if type(heap) is not list:
        _check_list("heappush", heap, 2)
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(*args, **kwargs):
    """Pop and return the smallest item of heap."""
    if kwargs or len(args) != 1:
        _check_args("heappop", args, kwargs, 1)
    heap = args[0]
    if type(heap) is not list:
        _check_list("heappop", heap, 1)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return smallest
    return last


def heapreplace(*args, **kwargs):
    """Pop the smallest item, then push item (the heap size stays the same)."""
    if kwargs or len(args) != 2:
        _check_args("heapreplace", args, kwargs, 2)
    heap, item = args
    if type(heap) is not list:
        _check_list("heapreplace", heap, 2)
    if not heap:
        raise IndexError("index out of range")
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(*args, **kwargs):
    """Push item, then pop and return the smallest item (faster than the two calls)."""
    if kwargs or len(args) != 2:
        _check_args("heappushpop", args, kwargs, 2)
    heap, item = args
    if type(heap) is not list:
        _check_list("heappushpop", heap, 2)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(*args, **kwargs):
    """Turn the list x into a heap, in place, in linear time."""
    if kwargs or len(args) != 1:
        _check_args("heapify", args, kwargs, 1)
    x = args[0]
    if type(x) is not list:
        _check_list("heapify", x, 1)
    i = len(x) // 2 - 1
    while i >= 0:
        _siftup(x, i)
        i -= 1


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
