# os: the operating-system interface, as CPython's os module on Linux.
#
# The system calls come from the native module posix (stdlib/os.cc), re-exported here; this file
# adds what CPython writes in Python: the path constants, os.path (posixpath.py, also reachable
# as `import os.path`), environ, getenv, makedirs/removedirs, walk, scandir and the result
# classes stat_result and terminal_size.
#
# Invariants:
#  - os.environ mirrors the process environment: every change to it calls putenv/unsetenv.
#  - posix.stat_result is set to this file's stat_result, so the native stat functions return
#    instances of it (posix alone returns plain tuples).
#  - The language has no generators yet, so walk and scandir return iterator objects instead of
#    generators; they yield the same items in the same order as CPython's.
import sys
import posix
from posix import *
from posix import _exit, _get_terminal_size
import posixpath as path

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
error = OSError

sys.modules['os.path'] = path


# ---- result classes ------------------------------------------------------------------------

_STAT_NAMES = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size')


class stat_result(tuple):
    """The result of stat(), lstat() and fstat(): a 10-item sequence with named fields."""

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3

    def __new__(cls, fields):
        # The native functions pass 19 fields: the 10 of the sequence (whole-second times), the
        # float times, the nanosecond times, then st_blksize, st_blocks and st_rdev.
        fields = tuple(fields)
        if len(fields) < 10:
            raise TypeError('os.stat_result() takes an at least 10-sequence (%d-sequence given)' % len(fields))
        self = tuple.__new__(cls, fields[:10])
        self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid, self.st_size = fields[:7]
        if len(fields) >= 16:
            self.st_atime, self.st_mtime, self.st_ctime = fields[10:13]
            self.st_atime_ns, self.st_mtime_ns, self.st_ctime_ns = fields[13:16]
        else:
            self.st_atime, self.st_mtime, self.st_ctime = fields[7:10]
            self.st_atime_ns = self.st_mtime_ns = self.st_ctime_ns = None
        if len(fields) >= 19:
            self.st_blksize, self.st_blocks, self.st_rdev = fields[16:19]
        return self

    def __repr__(self):
        names = _STAT_NAMES + ('st_atime', 'st_mtime', 'st_ctime')
        parts = []
        for i in range(10):
            parts.append('%s=%r' % (names[i], self[i]))
        return 'os.stat_result(' + ', '.join(parts) + ')'


posix.stat_result = stat_result


class terminal_size:
    """The size of a terminal: (columns, lines)."""

    n_sequence_fields = 2
    n_fields = 2
    n_unnamed_fields = 0

    def __init__(self, fields):
        fields = tuple(fields)
        if len(fields) != 2:
            raise TypeError('os.terminal_size() takes a 2-sequence (%d-sequence given)' % len(fields))
        self._seq = fields
        self.columns, self.lines = fields

    def __getitem__(self, index):
        return self._seq[index]

    def __len__(self):
        return 2

    def __iter__(self):
        return iter(self._seq)

    def __eq__(self, other):
        if not isinstance(other, terminal_size):
            return NotImplemented
        return self._seq == other._seq

    def __repr__(self):
        return 'os.terminal_size(columns=%r, lines=%r)' % self._seq


def get_terminal_size(fd=1):
    return terminal_size(_get_terminal_size(fd))


# ---- the environment -----------------------------------------------------------------------

def _env_str(value):
    if not isinstance(value, str):
        raise TypeError('str expected, not %s' % type(value).__name__)
    return value


class _Environ:
    """os.environ: a mapping of the process environment; changes reach putenv/unsetenv."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        _env_str(key)
        if key not in self._data:
            raise KeyError(key) from None
        return self._data[key]

    def __setitem__(self, key, value):
        _env_str(key)
        _env_str(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        _env_str(key)
        unsetenv(key)
        if key not in self._data:
            raise KeyError(key) from None
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        _env_str(key)
        return key in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    def __repr__(self):
        items = []
        for key in self._data:
            items.append('%r: %r' % (key, self._data[key]))
        return 'environ({' + ', '.join(items) + '})'

    def keys(self):
        return list(self._data.keys())

    def values(self):
        return list(self._data.values())

    def items(self):
        return list(self._data.items())

    def get(self, key, default=None):
        _env_str(key)
        if key in self._data:
            return self._data[key]
        return default

    def pop(self, key, *default):
        _env_str(key)
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), **kwargs):
        if isinstance(other, (dict, _Environ)):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key in kwargs:
            self[key] = kwargs[key]

    def clear(self):
        for key in list(self._data):
            del self[key]

    def copy(self):
        return dict(self._data)


environ = _Environ(dict(posix.environ))


def getenv(key, default=None):
    return environ.get(key, default)


# ---- exec ----------------------------------------------------------------------------------

def execve(path, args, env):
    # posix.execve takes a dict; any mapping (os.environ included) is accepted here.
    if not isinstance(env, dict):
        env = {k: env[k] for k in env.keys()}
    posix.execve(path, args, env)


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get('PATH')
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


def _execvpe(file, args, env=None):
    # Tries each directory of PATH as execvp(3) does; the first error other than "not there"
    # wins, otherwise the last one.
    if path.dirname(file):
        if env is None:
            execv(file, args)
        else:
            execve(file, args, env)
        return
    saved = None
    last = None
    for d in get_exec_path(env):
        full = path.join(d, file)
        try:
            if env is None:
                execv(full, args)
            else:
                execve(full, args, env)
        except (FileNotFoundError, NotADirectoryError) as e:
            last = e
        except OSError as e:
            last = e
            if saved is None:
                saved = e
    if saved is not None:
        raise saved
    raise last


def execvp(file, args):
    _execvpe(file, args)


def execvpe(file, args, env):
    _execvpe(file, args, env)


# ---- directory trees -----------------------------------------------------------------------

def makedirs(name, mode=0o777, exist_ok=False):
    """Creates `name` and any missing parent directory."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # made meanwhile by someone else
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        # With exist_ok an existing directory is fine, anything else is still an error.
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Removes `name`, then each parent that has become empty, stopping at the first failure."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


class DirEntry:
    """One entry of scandir(): its name, its path, and cached type queries."""

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._lstat = None
        self._stat = None

    def __repr__(self):
        return '<DirEntry %r>' % self.name

    def __fspath__(self):
        return self.path

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o100000

    def is_symlink(self):
        return self._mode(False) & 0o170000 == 0o120000

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino


class _ScandirIterator:
    """What scandir() returns: an iterator of DirEntry and a context manager."""

    def __init__(self, dirpath):
        names = listdir(dirpath)
        if dirpath is None:
            dirpath = '.'
        self._dirpath = dirpath
        self._names = names
        self._next = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._next >= len(self._names):
            raise StopIteration
        name = self._names[self._next]
        self._next += 1
        return DirEntry(self._dirpath, name)

    def close(self):
        self._next = len(self._names)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def scandir(path='.'):
    return _ScandirIterator(fspath(path) if path is not None else None)


def _walk_scan(top, onerror):
    """(dirs, nondirs) of `top` in directory order, or None after reporting an error."""
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return None
    dirs = []
    nondirs = []
    for name in names:
        if path.isdir(path.join(top, name)):
            dirs.append(name)
        else:
            nondirs.append(name)
    return dirs, nondirs


class _TopDownWalk:
    """walk(topdown=True), one directory per step, as CPython's generator runs: the caller may
    prune the `dirs` list it was given before asking for the next item."""

    def __init__(self, top, onerror, followlinks):
        self._stack = [top]
        self._pending = None  # (top, dirs) last returned, whose children come next
        self._onerror = onerror
        self._followlinks = followlinks

    def __iter__(self):
        return self

    def __next__(self):
        if self._pending is not None:
            top, dirs = self._pending
            self._pending = None
            for name in reversed(dirs):
                child = path.join(top, name)
                if self._followlinks or not path.islink(child):
                    self._stack.append(child)
        while self._stack:
            top = self._stack.pop()
            scanned = _walk_scan(top, self._onerror)
            if scanned is None:
                continue
            dirs, nondirs = scanned
            self._pending = (top, dirs)
            return top, dirs, nondirs
        raise StopIteration


def _walk_bottom_up(top, onerror, followlinks, out):
    scanned = _walk_scan(top, onerror)
    if scanned is None:
        return
    dirs, nondirs = scanned
    for name in dirs:
        child = path.join(top, name)
        if followlinks or not path.islink(child):
            _walk_bottom_up(child, onerror, followlinks, out)
    out.append((top, dirs, nondirs))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """The directory tree under `top` as (dirpath, dirnames, filenames) triples.

    CPython's walk is a generator; gilvm has none yet. Top-down, this returns an iterator that
    scans one directory per step (so pruning `dirnames` works as in CPython); bottom-up, the
    whole tree is scanned eagerly and an iterator over the list is returned, in the order
    CPython yields."""
    top = fspath(top)
    if topdown:
        return _TopDownWalk(top, onerror, followlinks)
    out = []
    _walk_bottom_up(top, onerror, followlinks, out)
    return iter(out)
