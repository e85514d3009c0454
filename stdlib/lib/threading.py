"""Thread objects and synchronization primitives, for gilvm.

Written for gilvm on top of its _thread module, following the behaviour of
CPython 3.11's threading module: the same classes, names, reprs and error
messages.  The language is the subset gilvm runs (no generators, sets,
multiple inheritance, collections, weakref or warnings), so a few things are
done by hand: lists stand in for deques, dicts for sets.
"""

import sys as _sys
import _thread

from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'local', 'stack_size', 'excepthook', 'ExceptHookArgs',
           'get_native_id']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = _thread._set_sentinel
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
stack_size = _thread.stack_size
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
_CRLock = _thread.RLock

# Synchronization classes

Lock = _allocate_lock


def RLock(*args, **kwargs):
    """A new re-entrant lock (_thread.RLock): its owner may acquire it again
    without blocking, and must release it as many times as it acquired it."""
    return _CRLock(*args, **kwargs)


class Condition:
    """A condition variable: threads wait() on it until another thread,
    holding the same lock, calls notify() or notify_all().

    The lock is the one given (a Lock or an RLock), else a new RLock.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        # Export the lock's acquire() and release() methods.
        self.acquire = lock.acquire
        self.release = lock.release
        # An RLock knows how to save and restore its recursion level and
        # whether the caller owns it; a plain lock does not, and then the
        # methods of this class below are used.
        try:
            self._release_save = lock._release_save
        except AttributeError:
            pass
        try:
            self._acquire_restore = lock._acquire_restore
        except AttributeError:
            pass
        try:
            self._is_owned = lock._is_owned
        except AttributeError:
            pass
        # One held lock per waiting thread, oldest first; notify() releases it.
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()           # a plain lock has no level to keep

    def _acquire_restore(self, x):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock cannot tell who holds it: if it can be acquired, nobody
        # (and so not the caller) held it.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        else:
            return True

    def wait(self, timeout=None):
        """Release the lock, sleep until notified (or until `timeout` seconds
        have passed), take the lock back.

        The caller must hold the lock.  Returns False if the timeout ran out,
        True otherwise.
        """
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:    # the lock is taken back whatever happens
            if timeout is None:
                waiter.acquire()
                gotit = True
            else:
                if timeout > 0:
                    gotit = waiter.acquire(True, timeout)
                else:
                    gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait, as wait() does, until predicate() returns a true value or
        the timeout (if any) runs out; return predicate()'s last result."""
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up at most n of the threads waiting, oldest first.

        The caller must hold the lock.
        """
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                # The waiter timed out and gave its lock back meanwhile.
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wake up every thread waiting."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Deprecated spelling of notify_all()."""
        self.notify_all()


class Semaphore:
    """A counter that acquire() decrements and release() increments.

    It never goes below zero: acquire() waits while it is zero.  It starts at
    `value` (1 by default).
    """

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%s>" % (cls.__module__, cls.__qualname__,
                                            id(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        """Decrement the counter, waiting while it is zero.

        Returns True once decremented; False if the counter was zero and
        `blocking` is false, or if `timeout` seconds passed first.
        """
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        """Increment the counter by n, waking up to n waiting threads."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for i in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore whose counter may not go above its initial value:
    a release() too many raises ValueError."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%s/%s>" % (cls.__module__, cls.__qualname__,
                                               id(self), self._value,
                                               self._initial_value)

    def release(self, n=1):
        """Increment the counter by n; ValueError if that passes the
        initial value."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for i in range(n):
                self._cond.notify()


class Event:
    """A flag, false at first, that set() raises and clear() lowers;
    wait() waits until it is raised."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return "<%s.%s at %#x: %s>" % (cls.__module__, cls.__qualname__,
                                       id(self), status)

    def is_set(self):
        """Whether the flag is set."""
        return self._flag

    def isSet(self):
        """Deprecated spelling of is_set()."""
        return self.is_set()

    def set(self):
        """Set the flag and wake up every thread waiting for it."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Lower the flag."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Wait until the flag is set or `timeout` seconds have passed;
        return whether it is set."""
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class Barrier:
    """A meeting point for a fixed number of threads (`parties`): each
    wait() waits until that many threads are waiting, then all go on.

    `action`, if given, is called by one of them before they go; `timeout`
    is the default for wait().
    """

    # _state: 0 filling, 1 draining, -1 resetting, -2 broken.

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return "<%s.%s at %#x: broken>" % (cls.__module__, cls.__qualname__,
                                               id(self))
        return "<%s.%s at %#x: waiters=%s/%s>" % (cls.__module__, cls.__qualname__,
                                                  id(self), self.n_waiting,
                                                  self.parties)

    def wait(self, timeout=None):
        """Wait until `parties` threads wait; return this thread's arrival
        number, 0 to parties-1.  BrokenBarrierError if the barrier is or
        gets broken (abort(), reset(), a timeout or a failed action)."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()   # the previous round must have left first
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()     # the last one in lets everybody go
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # Wait until the barrier is no longer draining or resetting.
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        # Optionally run the action, then let every waiting thread go.
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            # A failing action leaves the barrier broken.
            self._break()
            raise

    def _wait(self, timeout):
        # Wait until released or broken; running out of time breaks it.
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        # The last thread out of a draining or resetting barrier readies it
        # for the next round and wakes the threads waiting to enter.
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        """Make the barrier usable again; threads waiting at it now get
        BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                # The waiting threads leave with BrokenBarrierError; the last
                # one out makes the barrier usable (see _exit).
                if self._state == 0 or self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        """Break the barrier: waiting threads, and every later wait(),
        get BrokenBarrierError (until reset())."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        """The number of threads that must wait() for all to go on."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of threads waiting at the barrier now."""
        # A snapshot, taken without the lock like CPython's.
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        """Whether the barrier is broken."""
        return self._state == -2


class BrokenBarrierError(RuntimeError):
    pass


# Helper to generate new thread names: one counter for "Thread-N" and "Dummy-N".
_counter_value = 0


def _newname(name_template):
    global _counter_value
    with _active_limbo_lock:
        _counter_value += 1
        n = _counter_value
    return name_template % n


# Active thread administration.
_active_limbo_lock = RLock()
_active = {}    # ident -> Thread, for every thread that is running
_limbo = {}     # threads being started: Thread -> Thread

# The sentinel locks of the non-daemon threads, which _shutdown() waits for
# (a dict used as a set).
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = {}


def _maintain_shutdown_locks():
    """Drop the shutdown locks of threads that have ended.

    Called with _shutdown_locks_lock held, from time to time, so that the
    dict does not grow without bound when threads are not joined.
    """
    to_remove = [lock for lock in _shutdown_locks if not lock.locked()]
    for lock in to_remove:
        del _shutdown_locks[lock]


# The excepthook, called with an ExceptHookArgs when run() raises.

# The thread excepthook prints the traceback the way an uncaught exception in
# the main thread is printed; like CPython's it ignores a replaced
# sys.excepthook, so the original one is kept here.
_print_exception = getattr(_sys, "__excepthook__", None)
if _print_exception is None:
    _print_exception = _sys.excepthook


class _ExceptHookArgs:
    """What threading.excepthook gets: exc_type, exc_value, exc_traceback
    and thread, as attributes or as a 4-sequence."""

    __module__ = "_thread"

    def __init__(self, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence "
                            "(%d-sequence given)" % len(args))
        self._fields = args
        self.exc_type = args[0]
        self.exc_value = args[1]
        self.exc_traceback = args[2]
        self.thread = args[3]

    def __len__(self):
        return 4

    def __getitem__(self, index):
        return self._fields[index]

    def __iter__(self):
        return iter(self._fields)

    def __eq__(self, other):
        if isinstance(other, _ExceptHookArgs):
            other = other._fields
        return self._fields == other

    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, "
                "exc_traceback=%r, thread=%r)" % self._fields)


ExceptHookArgs = _ExceptHookArgs


def _excepthook(args, /):
    """Handle uncaught Thread.run() exception."""
    if args.exc_type == SystemExit:
        return      # a thread ending with SystemExit is not reported

    if _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            return
    else:
        return      # nowhere to write to

    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    stderr.write("Exception in thread %s:\n" % name)
    stderr.flush()
    _print_exception(args.exc_type, args.exc_value, args.exc_traceback)
    stderr.flush()


excepthook = _excepthook

# The default, kept for programs that replace threading.excepthook
__excepthook__ = excepthook


def _make_invoke_excepthook():
    # Each thread gets its own reporter, holding on to the hooks as they were
    # when the thread was made (used if they are set to None later).
    old_excepthook = excepthook
    old_sys_excepthook = _sys.excepthook
    if old_excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    if old_sys_excepthook is None:
        raise RuntimeError("sys.excepthook is None")

    sys_exc_info = _sys.exc_info
    local_sys = _sys

    def invoke_excepthook(thread):
        global excepthook
        args = None
        try:
            hook = excepthook
            if hook is None:
                hook = old_excepthook

            args = ExceptHookArgs(list(sys_exc_info()) + [thread])

            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            del exc
            args = None

            if local_sys.stderr is not None:
                stderr = local_sys.stderr
            else:
                stderr = thread._stderr

            stderr.write("Exception in threading.excepthook:\n")
            stderr.flush()

            if local_sys.excepthook is not None:
                sys_excepthook = local_sys.excepthook
            else:
                sys_excepthook = old_sys_excepthook

            sys_excepthook(*sys_exc_info())
        finally:
            args = None     # no cycle through the traceback

    return invoke_excepthook


# Thread-local data.

_local_counter_lock = _allocate_lock()
_local_counter = 0


def _local_new_key():
    # A number no other local object ever gets, so that a local's per-thread
    # dicts can never be confused with those of an earlier one.
    global _local_counter
    with _local_counter_lock:
        _local_counter += 1
        return _local_counter


_MISSING = object()


def _local_type_name(self):
    cls = type(self)
    if cls is _local:
        return "_thread._local"
    return cls.__name__


def _local_data_descriptor(cls, name):
    # Whether the class attribute `name` takes precedence over the per-thread
    # dict (a property or another data descriptor), as for ordinary objects.
    attr = getattr(cls, name, _MISSING)
    if attr is _MISSING:
        return False
    if isinstance(attr, property):
        return True
    kind = type(attr)
    return hasattr(kind, "__set__") or hasattr(kind, "__delete__")


def _local_dict(self):
    # The calling thread's attribute dict for the local object `self`; made
    # on first use in a thread, where the class's __init__ (if it has one) is
    # run again with the arguments the object was created with.
    key = object.__getattribute__(self, "_local__key")
    dicts = current_thread()._local_dicts
    d = dicts.get(key)
    if d is None:
        d = {}
        dicts[key] = d
        cls = type(self)
        if cls.__init__ is not object.__init__:
            args, kw = object.__getattribute__(self, "_local__args")
            try:
                cls.__init__(self, *args, **kw)
            except:
                del dicts[key]
                raise
    return d


class _local:
    """Thread-local data: each thread sees its own attributes.

    A subclass may define __init__; it runs again, with the arguments the
    object was created with, in each thread that first uses the object.
    """

    __module__ = "_thread"

    def __new__(cls, *args, **kw):
        if (args or kw) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_local__key", _local_new_key())
        object.__setattr__(self, "_local__args", (args, kw))
        # The creating thread's dict; __init__ is then run by the call as
        # for any object.
        current_thread()._local_dicts[object.__getattribute__(self, "_local__key")] = {}
        return self

    def __getattribute__(self, name):
        d = _local_dict(self)
        if name == "__dict__":
            return d
        cls = type(self)
        if name in d and not _local_data_descriptor(cls, name):
            return d[name]
        if getattr(cls, name, _MISSING) is _MISSING:
            raise AttributeError("'%s' object has no attribute '%s'"
                                 % (_local_type_name(self), name))
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError("'%s' object attribute '__dict__' is read-only"
                                 % _local_type_name(self))
        d = _local_dict(self)
        if _local_data_descriptor(type(self), name):
            object.__setattr__(self, name, value)
        else:
            d[name] = value

    def __delattr__(self, name):
        if name == "__dict__":
            raise AttributeError("'%s' object attribute '__dict__' is read-only"
                                 % _local_type_name(self))
        d = _local_dict(self)
        if _local_data_descriptor(type(self), name):
            object.__delattr__(self, name)
        elif name in d:
            del d[name]
        else:
            raise AttributeError("'%s' object has no attribute '%s'"
                                 % (_local_type_name(self), name))


local = _local


# Main class for threads

class Thread:
    """A thread of control.

    What it does is either the `target` given to the constructor or, in a
    subclass, its own run() method.
    """

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        """Pass the arguments by keyword.

        *group* must be None. *target* is the callable invoked by run().
        *name* is the thread name; by default "Thread-N", followed by the
        target's name in parentheses. *args* and *kwargs* are the arguments
        for the target. *daemon* defaults to the creating thread's.
        """
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += " (%s)" % target_name
                except AttributeError:
                    pass

        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        # The per-thread attribute dicts of threading.local objects, keyed by
        # the local's number; emptied when the thread ends (see _delete).
        self._local_dicts = {}
        # Copy of sys.stderr used by the excepthook if sys.stderr is None.
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # updates _is_stopped if the thread has ended
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Run run() in a new thread; at most once per Thread object."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")

        if self._started.is_set():
            raise RuntimeError("threads can only be started once")

        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    # ------------------------------------------------------------------------
    # Why this block is here: tracebacks match CPython line for line.
    #
    # An exception that escapes a thread's run() is reported with a traceback
    # that goes through this file: first the `self.run()` call in
    # _bootstrap_inner(), then (for a thread given a target) the
    # `self._target(*self._args, **self._kwargs)` call in run().  CPython
    # 3.11.7's threading.py has those two calls on lines 1045 and 982, and a
    # program gilvm runs must print exactly what CPython prints, line numbers
    # included.  So this file is laid out so that the same two calls fall on
    # the same two lines here: the bare comment lines below (and those of the
    # short block before _bootstrap_inner()) are only there to move run()
    # and _bootstrap_inner() down to those lines.  Adding or removing lines
    # above either call means resizing these blocks to match;
    # tests/golden/threads/exceptions.py checks the numbers.
    # ------------------------------------------------------------------------
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    # ------------------------------------------------------------------------

    def run(self):
        """What the thread does: call target(*args, **kwargs) if a target
        was given.  Subclasses may override it."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # The thread no longer keeps its target and arguments alive.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        # The function _start_new_thread runs in the new thread.
        self._bootstrap_inner()

    def _set_ident(self):
        self._ident = get_ident()

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _set_tstate_lock(self):
        """Set a lock object which the runtime releases when this thread ends.

        join() and is_alive() find out that the thread ended by acquiring it.
        """
        lock = _set_sentinel()
        # gilvm hands the sentinel back already held; CPython's must be
        # acquired here.
        if not lock.locked():
            lock.acquire()
        self._tstate_lock = lock
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()
                _shutdown_locks[lock] = True

    # (Spacing: see the comment block above run().)
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            _thread._set_name(self._ident, self._name)
            self._set_tstate_lock()
            self._set_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]

            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()

    def _stop(self):
        # After _stop(), is_alive() returns False and join() returns at once.
        # The sentinel has been released by then (by the runtime at the end of
        # the thread, or by _shutdown() for the main thread).
        lock = self._tstate_lock
        if lock is not None:
            assert not lock.locked()
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                # Remove our lock and other released locks.
                _maintain_shutdown_locks()

    def _delete(self):
        # The thread has finished: it leaves the table of running threads.
        with _active_limbo_lock:
            del _active[get_ident()]
        # The thread's threading.local values die with it.
        self._local_dicts.clear()

    def join(self, timeout=None):
        """Wait until the thread terminates.

        With a timeout (a number of seconds) join() returns after at most
        that long; call is_alive() afterwards to know whether the thread
        ended.  A thread cannot join itself, nor a thread not started yet.
        """
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")

        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            # a negative timeout counts as 0, as in CPython
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        # The thread has ended once its sentinel lock can be acquired.
        lock = self._tstate_lock
        if lock is None:
            assert self._is_stopped     # already found out
            return

        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            if lock.locked():
                # An interrupted acquire must not leave the lock held.
                lock.release()
                self._stop()
            raise

    @property
    def name(self):
        """The thread's name (for people to read; need not be unique)."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)
        if self._ident is not None:
            _thread._set_name(self._ident, self._name)

    @property
    def ident(self):
        """get_ident() of the thread, None before it started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        """get_native_id() of the thread, None before it started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        """Whether the thread has started and not ended yet."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """Whether the thread is a daemon: the program does not wait for
        daemon threads when it ends.  Settable only before start()."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    # The four methods below are deprecated in CPython (which warns when they
    # are called); gilvm has no warnings module and just does what they do.

    def isDaemon(self):
        """Return whether this thread is a daemon (deprecated: use .daemon)."""
        return self.daemon

    def setDaemon(self, daemonic):
        """Set whether this thread is a daemon (deprecated: use .daemon)."""
        self.daemon = daemonic

    def getName(self):
        """Return a string used for identification (deprecated: use .name)."""
        return self.name

    def setName(self, name):
        """Set the name string for this thread (deprecated: use .name)."""
        self.name = name


class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after `interval`
    seconds, unless cancel() is called first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Do not call the function if it has not been called yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# The thread the program started in

class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


# Dummy thread class to represent threads not started here: threads started
# by _thread.start_new_thread, which call current_thread().  They are daemon
# threads, always alive, and cannot be joined.

class _DummyThread(Thread):

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)

        self._started.set()
        self._set_ident()
        self._set_native_id()
        # Released by the runtime when the underlying thread ends, which lets
        # current_thread() tell a dummy left behind by an ended thread from
        # the dummy of a live thread with the same (reused) ident.
        self._dummy_sentinel = _set_sentinel()
        if not self._dummy_sentinel.locked():
            self._dummy_sentinel.acquire()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# Module functions

def current_thread():
    """The Thread object of the calling thread (a _DummyThread for a
    thread not started by this module)."""
    ident = get_ident()
    try:
        thread = _active[ident]
    except KeyError:
        return _DummyThread()
    if isinstance(thread, _DummyThread) and not thread._dummy_sentinel.locked():
        # The thread this dummy stood for has ended and its ident was reused:
        # the caller is another thread, which gets its own dummy (and so its
        # own threading.local values).
        with _active_limbo_lock:
            if _active.get(ident) is thread:
                del _active[ident]
        thread._local_dicts.clear()
        return _DummyThread()
    return thread


def currentThread():
    """Return the current Thread object (deprecated: use current_thread())."""
    return current_thread()


def active_count():
    """len(enumerate())."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Return the number of Thread objects currently alive (deprecated: use
    active_count())."""
    return active_count()


def enumerate():
    """The Thread objects alive now: the main thread, the started threads
    that have not ended (daemons included) and the dummy threads."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    """The Thread object of the thread the program started in."""
    return _main_thread


# Functions called when the program ends.

_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Register *func* to be called before the non-daemon threads are joined
    at the end of the program (in reverse order of registration)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")

    def call():
        func(*arg, **kwargs)
    _threading_atexits.append(call)


# Create the main thread object, and make it available to the runtime as
# threading._shutdown.

_main_thread = _MainThread()


def _shutdown():
    """Wait until every non-daemon thread has ended.

    The runtime calls this when the main module ends.
    """
    if _main_thread._is_stopped:
        return      # already done

    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True

    # Functions registered by _register_atexit, newest first.
    for atexit_call in reversed(_threading_atexits):
        atexit_call()

    # Main thread: threads waiting to join it must be let go now.
    if _main_thread.ident == get_ident():
        tlock = _main_thread._tstate_lock
        assert tlock is not None
        assert tlock.locked()
        # Stopped before the lock is let go: a thread blocked joining the main thread claims
        # the lock the moment it is free, before it has the GIL back, and _stop() would find
        # it taken.
        _main_thread._tstate_lock = None
        _main_thread._stop()
        tlock.release()

    # Wait for every non-daemon thread, including those started meanwhile.
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()

        if not locks:
            break

        for lock in locks:
            lock.acquire()      # as join() does
            lock.release()
