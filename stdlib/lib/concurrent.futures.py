"""concurrent.futures for gilvm: Future, ThreadPoolExecutor, ProcessPoolExecutor, wait, as_completed.

Written for gilvm with CPython 3.11's concurrent.futures as the behavioural spec.  gilvm has no
packages, so this one module (embedded as 'concurrent.futures', with an empty 'concurrent'
beside it) holds what CPython spreads over _base, thread and process.

Invariants and design:
  - A Future's state changes under its Condition; callbacks run after the change, outside it,
    in the thread that completed the future (or at once if it is already done).
  - ThreadPoolExecutor's worker threads are daemon threads that take work items from a
    queue.Queue; None tells one worker to exit.  shutdown(wait=True) joins them.  gilvm has no
    atexit hook, so work still queued when the main thread ends without shutdown() is lost.
  - ProcessPoolExecutor runs on multiprocessing.Pool: a submit is an apply_async whose
    callbacks complete the Future; a dead worker makes the pool broken and its futures fail
    with BrokenProcessPool.
  - gilvm has no sets: wait() returns lists in DoneAndNotDoneFutures (done, not_done).
"""

import os
import sys
import threading
import time
import queue as _queue

__all__ = ['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'BrokenExecutor', 'InvalidStateError', 'Future', 'Executor',
           'wait', 'as_completed', 'ThreadPoolExecutor', 'ProcessPoolExecutor']

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_RUNNING = 'RUNNING'
_CANCELLED = 'CANCELLED'
_CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
_FINISHED = 'FINISHED'


class Error(Exception):
    __module__ = 'concurrent.futures._base'


class CancelledError(Error):
    'The Future was cancelled.'
    __module__ = 'concurrent.futures._base'


TimeoutError = TimeoutError


class InvalidStateError(Error):
    __module__ = 'concurrent.futures._base'


class BrokenExecutor(RuntimeError):
    'An executor that can no longer run work.'
    __module__ = 'concurrent.futures._base'


class BrokenThreadPool(BrokenExecutor):
    __module__ = 'concurrent.futures.thread'


class BrokenProcessPool(BrokenExecutor):
    __module__ = 'concurrent.futures.process'


class Future:
    '''The result of a call that may not have finished yet.'''

    def __init__(self):
        self._condition = threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []

    def __repr__(self):
        with self._condition:
            if self._state == _FINISHED:
                if self._exception is not None:
                    return '<Future state=finished raised %s>' % type(self._exception).__name__
                return '<Future state=finished returned %s>' % type(self._result).__name__
            return '<Future state=%s>' % self._state.lower()

    def _run_callbacks(self):
        for fn in self._callbacks:
            try:
                fn(self)
            except Exception as e:
                sys.stderr.write('exception calling callback for %r: %r\n' % (self, e))

    def cancel(self):
        '''Cancels the call if it has not started; True if it is (now) cancelled.'''
        with self._condition:
            if self._state in (_RUNNING, _FINISHED):
                return False
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                return True
            self._state = _CANCELLED
            self._condition.notify_all()
        self._run_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED)

    def running(self):
        with self._condition:
            return self._state == _RUNNING

    def done(self):
        with self._condition:
            return self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED)

    def _get_result(self):
        if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        if self._exception is not None:
            raise self._exception
        return self._result

    def _wait_done(self, timeout):
        # With the condition held: waits until finished or cancelled, TimeoutError otherwise.
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._state not in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED):
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise TimeoutError()
            self._condition.wait(left)

    def result(self, timeout=None):
        '''The call's return value, waiting at most timeout seconds; re-raises its exception.'''
        with self._condition:
            self._wait_done(timeout)
            return self._get_result()

    def exception(self, timeout=None):
        '''The exception the call raised (None if it returned), waiting at most timeout seconds.'''
        with self._condition:
            self._wait_done(timeout)
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            return self._exception

    def add_done_callback(self, fn):
        '''Calls fn(future) when it is done (at once if it already is).'''
        with self._condition:
            if self._state not in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED):
                self._callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as e:
            sys.stderr.write('exception calling callback for %r: %r\n' % (self, e))

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                self._state = _CANCELLED_AND_NOTIFIED
                return False
            if self._state == _PENDING:
                self._state = _RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        with self._condition:
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED):
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._state = _FINISHED
            self._condition.notify_all()
        self._run_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED):
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._exception = exception
            self._state = _FINISHED
            self._condition.notify_all()
        self._run_callbacks()


class DoneAndNotDoneFutures:
    '''What wait() returns: done and not_done (lists, as gilvm has no sets); unpacks as a pair.'''

    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __getitem__(self, i):
        return (self.done, self.not_done)[i]

    def __len__(self):
        return 2


def _unique(fs):
    out = []
    seen = {}
    for f in fs:
        if id(f) not in seen:
            seen[id(f)] = True
            out.append(f)
    return out


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    '''Waits until the futures fs meet return_when, or at most timeout seconds.'''
    fs = _unique(fs)
    arrived = _queue.Queue()
    for f in fs:
        f.add_done_callback(arrived.put)
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        done = [f for f in fs if f.done()]
        if len(done) == len(fs):
            break
        if return_when == FIRST_COMPLETED and done:
            break
        if return_when == FIRST_EXCEPTION and [f for f in done if not f.cancelled() and
                                               f.exception() is not None]:
            break
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            break
        try:
            arrived.get(True, left)
        except _queue.Empty:
            pass
    done = [f for f in fs if f.done()]
    return DoneAndNotDoneFutures(done, [f for f in fs if not f.done()])


class _AsCompleted:
    # The iterator as_completed returns: finished futures first, then each as it completes.
    def __init__(self, fs, timeout):
        self._fs = _unique(fs)
        self._left = len(self._fs)
        self._deadline = None if timeout is None else time.monotonic() + timeout
        self._arrived = _queue.Queue()
        for f in self._fs:
            f.add_done_callback(self._arrived.put)

    def __iter__(self):
        return self

    def __next__(self):
        if self._left == 0:
            raise StopIteration
        left = None if self._deadline is None else max(0, self._deadline - time.monotonic())
        try:
            f = self._arrived.get(True, left)
        except _queue.Empty:
            raise TimeoutError('%d (of %d) futures unfinished' % (self._left, len(self._fs))) from None
        self._left -= 1
        return f


def as_completed(fs, timeout=None):
    '''An iterator over the futures fs in the order they finish.'''
    return _AsCompleted(fs, timeout)


class _MapIterator:
    # Executor.map's result: each future's result in order, within the overall timeout.
    def __init__(self, futures, timeout):
        self._futures = futures
        self._deadline = None if timeout is None else time.monotonic() + timeout

    def __iter__(self):
        return self

    def __next__(self):
        if not self._futures:
            raise StopIteration
        f = self._futures.pop(0)
        try:
            if self._deadline is None:
                return f.result()
            return f.result(self._deadline - time.monotonic())
        except BaseException:
            for other in self._futures:
                other.cancel()
            self._futures = []
            raise


class Executor:
    '''The base of the executors: submit, map, shutdown and the with statement.'''

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        '''fn applied to the items of iterables, run concurrently; an iterator over the results.'''
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return _MapIterator(futures, timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


_thread_pool_counter = [0]


class ThreadPoolExecutor(Executor):
    '''Runs calls in a pool of at most max_workers threads.'''

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        _thread_pool_counter[0] += 1
        self._max_workers = max_workers
        self._work = _queue.Queue()
        self._threads = []
        self._idle = threading.Semaphore(0)
        self._shutdown = False
        self._lock = threading.Lock()
        self._prefix = thread_name_prefix or ('ThreadPoolExecutor-%d' % (_thread_pool_counter[0] - 1))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = Future()
            self._work.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # A new thread only when none is idle, up to max_workers.
        if self._idle.acquire(timeout=0):
            return
        if len(self._threads) < self._max_workers:
            name = '%s_%d' % (self._prefix, len(self._threads))
            t = threading.Thread(name=name, target=self._worker, daemon=True)
            t.start()
            self._threads.append(t)

    def _worker(self):
        if self._initializer is not None:
            self._initializer(*self._initargs)
        while True:
            item = self._work.get()
            if item is None:
                return
            item.run()
            self._idle.release()

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            if not self._shutdown:
                self._shutdown = True
                if cancel_futures:
                    while True:
                        try:
                            item = self._work.get_nowait()
                        except _queue.Empty:
                            break
                        if item is not None:
                            item.future.cancel()
                for _ in self._threads:
                    self._work.put(None)
        if wait:
            for t in self._threads:
                t.join()


class ProcessPoolExecutor(Executor):
    '''Runs calls in a pool of at most max_workers processes (multiprocessing.Pool).'''

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        import multiprocessing
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._pool = multiprocessing.Pool(max_workers, initializer, initargs)
        self._shutdown = False
        self._lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._pool._broken is not None:
                raise BrokenProcessPool('A child process terminated abruptly, the process pool '
                                        'is not usable anymore')
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = Future()
            f.set_running_or_notify_cancel()

            def fail(exc):
                if self._pool._broken is not None:
                    exc = BrokenProcessPool('A process in the process pool was terminated abruptly '
                                            'while the future was running or pending.')
                f.set_exception(exc)
            self._pool.apply_async(fn, args, kwargs, callback=f.set_result, error_callback=fail)
            return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            if self._shutdown:
                return
            self._shutdown = True
        self._pool.close()
        if wait:
            self._pool.join()
