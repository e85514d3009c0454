"""Process-based parallelism for gilvm: Process, Queue, Pipe, Lock and Pool.

Written for gilvm with CPython 3.11's multiprocessing (Linux, start method 'fork') as the
behavioural spec.  Each child is an os.fork() of the parent, so it has its own interpreter and
GIL and sees the parent's modules, functions and classes as they were at start().

Invariants and design:
  - Objects cross between processes as pickles (stdlib/lib/pickle.py) written to pipes; a
    pickle carries its own length, so one message is one pickle.  Writers hold a lock made of a
    pipe holding one token byte (_PipeLock), so messages from several processes never
    interleave; readers hold another one, so each message goes to exactly one reader.
  - Every blocking wait is an os.read or a select.select (poll(2)), both with
    the GIL released and interruptible by Ctrl-C, so other threads run meanwhile.
  - A child never returns into the parent's code: Process._bootstrap ends with os._exit.
  - A Pool gives each worker process its own pair of pipes and one handler thread in the
    parent, so a worker that dies is seen at once (EOF on its result pipe) and its task fails
    with ProcessError instead of hanging; from then on the pool is broken and every task fails.

Not here (gilvm lacks what they need): Value/Array (no shared memory), RLock, Semaphore,
Manager, start methods other than 'fork', Queue.qsize, a bounded Queue (maxsize is accepted and
ignored); a put() writes at once, so it blocks while the pipe (64 KiB) is full and no process
reads; children still running when the main process ends are not joined for it.
"""

import os
import sys
import threading
import time
import pickle
import queue as _queue
import select as _select

__all__ = ['Process', 'current_process', 'parent_process', 'active_children', 'cpu_count',
           'Queue', 'SimpleQueue', 'Pipe', 'Lock', 'Pool', 'ProcessError', 'TimeoutError',
           'get_start_method', 'set_start_method']

_SIGTERM = 15
_SIGKILL = 9


class ProcessError(Exception):
    'The base class of multiprocessing errors.'


class TimeoutError(ProcessError):
    'Raised by AsyncResult.get() when the result is not ready in time.'
    __module__ = "multiprocessing.context"


class BufferTooShort(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def cpu_count():
    '''The number of CPUs in the system.'''
    n = os.cpu_count()
    if n is None:
        raise NotImplementedError('cannot determine number of cpus')
    return n


def get_start_method(allow_none=False):
    return 'fork'


def set_start_method(method, force=False):
    if method != 'fork':
        raise ValueError('cannot find context for %r' % method)


# --- descriptors -----------------------------------------------------------------------------

def _write_all(fd, data):
    view = data
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _read_exact(fd, n):
    '''n bytes from fd; fewer only at end of file.'''
    chunks = []
    while n > 0:
        chunk = os.read(fd, n)
        if not chunk:
            break
        chunks.append(chunk)
        n -= len(chunk)
    return b''.join(chunks)


def _read_message(fd):
    '''One pickle's bytes from fd; b'' at end of file.'''
    header = _read_exact(fd, 10)
    if len(header) < 10:
        return b''
    body = _read_exact(fd, int.from_bytes(header[2:10], 'little', signed=True))
    return header + body


def _readable(fd, timeout):
    if timeout is not None and timeout < 0:
        timeout = 0
    return bool(_select.select([fd], [], [], timeout)[0])


class _PipeLock:
    '''A lock shared by processes: a pipe that holds one token byte while the lock is free.'''

    def __init__(self):
        self._r, self._w = os.pipe()
        os.write(self._w, b'L')

    def acquire(self, block=True, timeout=None):
        if not block:
            timeout = 0
        if timeout is not None and not _readable(self._r, timeout):
            return False
        os.read(self._r, 1)
        return True

    def release(self):
        os.write(self._w, b'L')

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return '<Lock>'


def Lock():
    '''A non-recursive lock that works across processes.'''
    return _PipeLock()


# --- processes -------------------------------------------------------------------------------

class _MainProcess:
    def __init__(self):
        self.name = 'MainProcess'
        self.daemon = False
        self._pid = os.getpid()
        self.exitcode = None

    @property
    def pid(self):
        return self._pid

    ident = pid

    def is_alive(self):
        return True

    def __repr__(self):
        return "<_MainProcess name='MainProcess' parent=None started>"


_current = _MainProcess()
_parent = None
_children = []
_counter = [0]


def current_process():
    '''The Process object of the running process.'''
    return _current


def parent_process():
    '''The Process object of the parent, None in the main process.'''
    return _parent


def active_children():
    '''The children of this process that are still running (finished ones are reaped).'''
    return [p for p in list(_children) if p.is_alive()]


class Process:
    '''Runs target(*args, **kwargs) in a child process made with os.fork().'''

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        _counter[0] += 1
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name if name is not None else 'Process-%d' % _counter[0]
        self._daemon = bool(daemon) if daemon is not None else _current.daemon
        self._pid = None
        self._returncode = None
        self._closed = False

    def run(self):
        '''What the child runs; by default target(*args, **kwargs).'''
        if self._target:
            self._target(*self._args, **self._kwargs)

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = value

    @property
    def daemon(self):
        return self._daemon

    @daemon.setter
    def daemon(self, value):
        assert self._pid is None, 'process has already started'
        self._daemon = value

    @property
    def pid(self):
        return self._pid

    ident = pid

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def start(self):
        '''Forks the child, which runs run() and then exits.'''
        self._check_closed()
        assert self._pid is None, 'cannot start a process twice'
        assert _current is not None
        _flush_std()
        pid = os.fork()
        if pid == 0:
            self._bootstrap()
        self._pid = pid
        _children.append(self)

    def _bootstrap(self):
        global _current, _parent, _children
        code = 1
        try:
            _parent = _current
            _current = self
            _children = []
            self._pid = os.getpid()
            try:
                self.run()
                code = 0
            except SystemExit as e:
                code = _exit_code(e.code)
            except BaseException:
                sys.stderr.write('Process %s:\n' % self._name)
                info = sys.exc_info()
                sys.excepthook(info[0], info[1], info[2])
        finally:
            _flush_std()
            os._exit(code)

    def _poll(self, flags):
        if self._returncode is None and self._pid is not None:
            if self._pid == os.getpid():
                return None
            try:
                pid, status = os.waitpid(self._pid, flags)
            except ChildProcessError:
                return None
            if pid != 0:
                self._returncode = os.waitstatus_to_exitcode(status)
                if self in _children:
                    _children.remove(self)
        return self._returncode

    def join(self, timeout=None):
        '''Waits until the child ends, or at most timeout seconds.'''
        self._check_closed()
        assert self._pid is not None, 'can only join a started process'
        assert self._pid != os.getpid(), 'can only join a child process'
        if timeout is None:
            self._poll(0)
            return
        deadline = time.monotonic() + timeout
        pause = 0.0005
        while self._poll(os.WNOHANG) is None:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(pause, left))
            pause = min(pause * 2, 0.02)

    def is_alive(self):
        self._check_closed()
        if self is _current:
            return True
        if self._pid is None:
            return False
        return self._poll(os.WNOHANG) is None

    @property
    def exitcode(self):
        '''None while running; the exit status, or -N if signal N ended it.'''
        self._check_closed()
        if self._pid is None:
            return None
        return self._poll(os.WNOHANG)

    def terminate(self):
        '''Ends the child with SIGTERM.'''
        self._signal(_SIGTERM)

    def kill(self):
        '''Ends the child with SIGKILL.'''
        self._signal(_SIGKILL)

    def _signal(self, sig):
        self._check_closed()
        if self._pid is not None and self._returncode is None:
            try:
                os.kill(self._pid, sig)
            except ProcessLookupError:
                pass

    def close(self):
        if self._pid is not None and self._poll(os.WNOHANG) is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    def __repr__(self):
        if self._pid is None:
            status = 'initial'
        elif self._returncode is None:
            status = 'started'
        else:
            status = 'stopped exitcode=%s' % self._returncode
        return '<Process name=%r %s>' % (self._name, status)


def _exit_code(code):
    # How SystemExit's code becomes an exit status, as in a script.
    if code is None:
        return 0
    if type(code) is int:
        return code
    sys.stderr.write(str(code) + '\n')
    return 1


def _flush_std():
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except Exception:
            pass


# --- pipes and queues ------------------------------------------------------------------------

class Connection:
    '''One end of a Pipe(): send/recv pickled objects, or raw bytes with send_bytes.'''

    def __init__(self, rfd, wfd):
        self._rfd = rfd
        self._wfd = wfd
        self._closed = False

    def _check(self, need_r, need_w):
        if self._closed:
            raise OSError("handle is closed")
        if need_r and self._rfd is None:
            raise OSError("connection is write-only")
        if need_w and self._wfd is None:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._rfd is not None

    @property
    def writable(self):
        return self._wfd is not None

    def fileno(self):
        self._check(False, False)
        return self._rfd if self._rfd is not None else self._wfd

    def send(self, obj):
        '''Sends obj pickled.'''
        self._check(False, True)
        _write_all(self._wfd, pickle.dumps(obj))

    def recv(self):
        '''The next object sent by the other end; EOFError once it closed.'''
        self._check(True, False)
        data = _read_message(self._rfd)
        if not data:
            raise EOFError
        return pickle.loads(data)

    def send_bytes(self, buf, offset=0, size=None):
        self._check(False, True)
        data = bytes(buf)
        if size is None:
            size = len(data) - offset
        data = data[offset:offset + size]
        _write_all(self._wfd, len(data).to_bytes(8, 'little') + data)

    def recv_bytes(self, maxlength=None):
        self._check(True, False)
        header = _read_exact(self._rfd, 8)
        if len(header) < 8:
            raise EOFError
        return _read_exact(self._rfd, int.from_bytes(header, 'little'))

    def poll(self, timeout=0.0):
        '''Whether data (or end of file) is ready to read, waiting at most timeout seconds.'''
        self._check(True, False)
        return _readable(self._rfd, timeout)

    def close(self):
        if not self._closed:
            self._closed = True
            for fd in (self._rfd, self._wfd):
                if fd is not None:
                    os.close(fd)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def Pipe(duplex=True):
    '''A pair of connected Connections; with duplex=False the first only reads, the second only writes.'''
    r1, w1 = os.pipe()
    if not duplex:
        return Connection(r1, None), Connection(None, w1)
    r2, w2 = os.pipe()
    return Connection(r1, w2), Connection(r2, w1)


class Queue:
    '''A FIFO queue that processes share: items travel pickled through a pipe.'''

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._r, self._w = os.pipe()
        self._rlock = _PipeLock()
        self._wlock = _PipeLock()
        self._closed = False

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        data = pickle.dumps(obj)
        with self._wlock:
            _write_all(self._w, data)

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        '''The next item; raises queue.Empty if none came within timeout (or at once if not block).'''
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        if not block:
            timeout = 0
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        deadline = None if timeout is None else time.monotonic() + timeout
        if not self._rlock.acquire(True, timeout):
            raise _queue.Empty
        try:
            left = None if deadline is None else max(0, deadline - time.monotonic())
            if left is not None and not _readable(self._r, left):
                raise _queue.Empty
            data = _read_message(self._r)
        finally:
            self._rlock.release()
        if not data:
            raise EOFError
        return pickle.loads(data)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return not _readable(self._r, 0)

    def full(self):
        return False

    def qsize(self):
        raise NotImplementedError("Queue.qsize() is not implemented in gilvm")

    def close(self):
        self._closed = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class SimpleQueue(Queue):
    '''A Queue without timeouts.'''

    def get(self):
        return Queue.get(self)


# --- pools -----------------------------------------------------------------------------------

_RUN, _CLOSE, _TERMINATE = 0, 1, 2


class RemoteError(ProcessError):
    pass


class MaybeEncodingError(Exception):
    '''A worker's result that could not be pickled.'''
    __module__ = "multiprocessing.pool"

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        Exception.__init__(self, self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)


def _worker_main(task_r, result_w, initializer, initargs):
    # A pool worker: runs (func, list of args, kwargs, star) chunks until told to stop (None).
    if initializer is not None:
        initializer(*initargs)
    while True:
        data = _read_message(task_r)
        if not data:
            return
        task = pickle.loads(data)
        if task is None:
            return
        func, chunk, kwargs, star = task
        try:
            results = []
            for item in chunk:
                if star:
                    results.append(func(*item, **kwargs))
                else:
                    results.append(func(item, **kwargs))
            reply = (True, results)
        except Exception as e:
            reply = (False, e)
        try:
            data = pickle.dumps(reply)
        except Exception as e:
            data = pickle.dumps((False, MaybeEncodingError(e, reply[1])))
        _write_all(result_w, data)


class _Worker:
    '''A worker process and its pipes, seen from the parent.'''

    def __init__(self, pool, index, initializer, initargs):
        task_r, self.task_w = os.pipe()
        self.result_r, result_w = os.pipe()
        others = [fd for w in pool._workers for fd in (w.task_w, w.result_r)]
        self.process = Process(target=_worker_child,
                               args=(others + [self.task_w, self.result_r], task_r, result_w,
                                     initializer, initargs),
                               name='ForkPoolWorker-%d' % index, daemon=True)
        self.process.start()
        os.close(task_r)
        os.close(result_w)


def _worker_child(parent_fds, task_r, result_w, initializer, initargs):
    # The parent's ends of every worker's pipes must close here, or a dead worker's pipe would
    # never reach end of file for the parent.
    for fd in parent_fds:
        os.close(fd)
    _worker_main(task_r, result_w, initializer, initargs)


class ApplyResult:
    '''The result of an apply_async: get(), wait(), ready(), successful().'''

    def __init__(self, pool, callback=None, error_callback=None):
        self._pool = pool
        self._event = threading.Event()
        self._callback = callback
        self._error_callback = error_callback
        self._success = None
        self._value = None

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    # Called by a handler thread with one chunk's outcome.
    def _set(self, index, ok, value):
        self._success = ok
        self._value = value[0] if ok else value
        self._finish()

    def _finish(self):
        try:
            if self._success and self._callback is not None:
                self._callback(self._value)
            elif not self._success and self._error_callback is not None:
                self._error_callback(self._value)
        finally:
            self._event.set()

    def __repr__(self):
        return '<multiprocessing.pool.ApplyResult object>'


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    '''The result of map_async: a list, or the first exception a chunk raised.'''

    def __init__(self, pool, nchunks, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._chunks = [None] * nchunks
        self._left = nchunks
        self._length = length
        self._lock = threading.Lock()
        self._success = True
        if nchunks == 0:
            self._value = []
            self._finish()

    def _set(self, index, ok, value):
        with self._lock:
            if self._event.is_set():
                return
            if not ok:
                self._success = False
                self._value = value
                self._finish()
                return
            self._chunks[index] = value
            self._left -= 1
            if self._left > 0:
                return
            out = []
            for chunk in self._chunks:
                out.extend(chunk)
            self._value = out
        self._finish()

    def __repr__(self):
        return '<multiprocessing.pool.MapResult object>'


class IMapIterator:
    '''The iterator imap returns: results in order; next(timeout) waits at most timeout.'''

    def __init__(self, pool, nchunks, ordered):
        self._cond = threading.Condition(threading.Lock())
        self._ordered = ordered
        self._chunks = {}       # index -> (ok, values)
        self._arrived = []      # arrival order, for imap_unordered
        self._nchunks = nchunks
        self._next_chunk = 0
        self._pending = []      # values of the current chunk not handed out yet

    def __iter__(self):
        return self

    def __next__(self):
        return self.next()

    def next(self, timeout=None):
        with self._cond:
            while not self._pending:
                if self._next_chunk >= self._nchunks:
                    raise StopIteration
                ready = (self._next_chunk in self._chunks) if self._ordered else \
                    (self._next_chunk < len(self._arrived))
                if not ready:
                    if not self._cond.wait(timeout) and timeout is not None:
                        raise TimeoutError
                    continue
                index = self._next_chunk if self._ordered else self._arrived[self._next_chunk]
                self._next_chunk += 1
                ok, values = self._chunks.pop(index)
                if not ok:
                    raise values
                self._pending = list(values)
            return self._pending.pop(0)

    def _set(self, index, ok, value):
        with self._cond:
            self._chunks[index] = (ok, value)
            self._arrived.append(index)
            self._cond.notify_all()


class Pool:
    '''A pool of worker processes that run tasks: map, imap, starmap, apply and their _async forms.'''

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._state = _RUN
        self._broken = None
        self._tasks = _queue.Queue()
        self._workers = []
        self._handlers = []
        for i in range(processes):
            self._workers.append(_Worker(self, i + 1, initializer, initargs))
        for w in self._workers:
            t = threading.Thread(target=self._handle, args=(w,), daemon=True)
            self._handlers.append(t)
            t.start()

    # One thread per worker: sends it tasks, reads back results, notices its death.
    def _handle(self, worker):
        alive = True
        while True:
            task = self._tasks.get()
            if task is None:
                break
            job, index, payload = task
            if self._broken is not None or not alive:
                job._set(index, False, ProcessError(self._broken))
                continue
            try:
                data = pickle.dumps(payload)
            except Exception as e:
                job._set(index, False, e)
                continue
            try:
                _write_all(worker.task_w, data)
                reply = _read_message(worker.result_r)
            except OSError:
                reply = b''
            if not reply:
                alive = False
                code = worker.process.exitcode
                if code is None:
                    worker.process.join(1.0)
                    code = worker.process.exitcode
                if self._state != _TERMINATE:
                    self._broken = ('a pool worker died (exit code %s) while running a task; '
                                    'the pool is broken' % code)
                job._set(index, False, ProcessError(self._broken or 'the pool was terminated'))
                continue
            ok, value = pickle.loads(reply)
            job._set(index, ok, value)
        if alive:
            try:
                _write_all(worker.task_w, pickle.dumps(None))
            except OSError:
                pass

    def _check_running(self):
        if self._state != _RUN:
            raise ValueError("Pool not running")

    def _submit(self, job, func, chunks, kwargs, star):
        for i, chunk in enumerate(chunks):
            self._tasks.put((job, i, (func, chunk, kwargs, star)))

    def _chunks(self, iterable, chunksize):
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), self._processes * 4)
            if extra:
                chunksize += 1
        if chunksize < 1:
            chunksize = 1
        return [items[i:i + chunksize] for i in range(0, len(items), chunksize)], len(items)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        job = ApplyResult(self, callback, error_callback)
        self._submit(job, func, [[tuple(args)]], dict(kwds), True)
        return job

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def _map_async(self, func, iterable, chunksize, callback, error_callback, star):
        self._check_running()
        chunks, length = self._chunks(iterable, chunksize)
        job = MapResult(self, len(chunks), length, callback, error_callback)
        self._submit(job, func, chunks, {}, star)
        return job

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, chunksize, callback, error_callback, False)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, chunksize, callback, error_callback, True)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def _imap(self, func, iterable, chunksize, ordered):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        chunks, length = self._chunks(iterable, chunksize)
        it = IMapIterator(self, len(chunks), ordered)
        self._submit(it, func, chunks, {}, False)
        return it

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    def close(self):
        '''No more tasks: the workers exit once the queued ones are done.'''
        if self._state == _RUN:
            self._state = _CLOSE
            for _ in self._workers:
                self._tasks.put(None)

    def terminate(self):
        '''Stops the workers at once; unfinished tasks fail with ProcessError.'''
        if self._state == _TERMINATE:
            return
        self._state = _TERMINATE
        for w in self._workers:
            w.process.terminate()
        for _ in self._workers:
            self._tasks.put(None)
        for t in self._handlers:
            t.join()
        self._reap()

    def join(self):
        '''Waits for the workers to exit, after close() or terminate().'''
        if self._state == _RUN:
            raise ValueError("Pool is still running")
        for t in self._handlers:
            t.join()
        self._reap()

    def _reap(self):
        for w in self._workers:
            w.process.join()
            for fd in (w.task_w, w.result_r):
                try:
                    os.close(fd)
                except OSError:
                    pass
            w.task_w = w.result_r = -1
        self._workers_closed = True

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *args):
        self.terminate()
