"""A multi-producer, multi-consumer queue, for gilvm.

Written for gilvm after CPython 3.11's queue module: Queue, LifoQueue,
PriorityQueue and SimpleQueue with the same behaviour and messages, built on
threading's Lock and Condition.  gilvm has no collections or heapq, so a list
holds the items and the priority queue keeps its own binary heap (the same
algorithm as heapq, so the list `queue` is in the same order as CPython's).
"""

import threading
from heapq import heappush as _heappush, heappop as _heappop
from time import monotonic as time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Raised by a get() that finds no item (non-blocking, or timed out).'
    # CPython's comes from its C module _queue, and is reported by that name.
    __module__ = "_queue"


class Full(Exception):
    'Raised by a put() that finds no free slot (non-blocking, or timed out).'


class Queue:
    '''A FIFO queue holding at most `maxsize` items (no limit if maxsize <= 0).'''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)

        # One lock guards everything; the three conditions share it.
        self.mutex = threading.Lock()
        # Signalled after each put, for a thread waiting in get().
        self.not_empty = threading.Condition(self.mutex)
        # Signalled after each get, for a thread waiting in put().
        self.not_full = threading.Condition(self.mutex)
        # Signalled when the count of unfinished tasks falls to zero, for
        # the threads waiting in join().
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        '''Tell the queue that one item got earlier is fully dealt with.

        join() returns once this was called once per item ever put.  One
        call too many raises ValueError.
        '''
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        '''Wait until every item put has been got and marked with task_done().'''
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        '''The number of items now (other threads may change it at once).'''
        with self.mutex:
            return self._qsize()

    def empty(self):
        '''Whether the queue holds no item now (may change at once).'''
        with self.mutex:
            return not self._qsize()

    def full(self):
        '''Whether the queue holds maxsize items now (may change at once).'''
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        '''Add item to the queue.

        If the queue is full: with block false, raise Full at once (timeout
        is not looked at); else wait for a free slot, at most `timeout`
        seconds if a timeout is given, then raise Full.
        '''
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        '''Take the next item out of the queue and return it.

        If the queue is empty: with block false, raise Empty at once (timeout
        is not looked at); else wait for an item, at most `timeout` seconds
        if a timeout is given, then raise Empty.
        '''
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = time() + timeout
                while not self._qsize():
                    remaining = endtime - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        '''put(item, block=False): add item, or raise Full.'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''get(block=False): take an item, or raise Empty.'''
        return self.get(block=False)

    # The storage, which subclasses change (LIFO, priority order).  Called
    # with the mutex held.  A list stands in for CPython's deque.

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop(0)


class PriorityQueue(Queue):
    '''A Queue that hands out the smallest item first, e.g. of
    (priority, data) tuples.'''

    # The storage is a list, as in Queue; only the order differs.

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    '''A Queue that hands out the item put last first (a stack).'''

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''An unbounded FIFO queue without task tracking.'''

    # CPython's is written in C, in its module _queue.
    __module__ = "_queue"

    def __init__(self):
        self._queue = []
        self._count = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        '''Add item; never waits (block and timeout are accepted, as
        Queue.put takes them, and not used).'''
        self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        '''Take the next item out and return it; waits as Queue.get does.'''
        if not block:
            timeout = None
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._count.acquire(block, timeout):
            raise Empty
        return self._queue.pop(0)

    def put_nowait(self, item):
        '''Same as put(item).'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''get(False): take an item, or raise Empty.'''
        return self.get(False)

    def empty(self):
        'Whether the queue holds no item now (may change at once).'
        return len(self._queue) == 0

    def qsize(self):
        'The number of items now (other threads may change it at once).'
        return len(self._queue)
