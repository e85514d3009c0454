# tempfile: temporary files and directories with unguessable names, as CPython 3.11's module
# (the basic forms: gettempdir, mkstemp, mkdtemp, TemporaryDirectory, NamedTemporaryFile,
# TemporaryFile). Names are str only.
#
# Invariants:
#  - Files and directories are created with O_EXCL / mkdir, so an existing name is never reused:
#    a clash just draws another name (up to TMP_MAX tries). Files are 0o600, directories 0o700.
#  - Returned paths are absolute.

import os
import shutil

__all__ = ["NamedTemporaryFile", "TemporaryFile", "TemporaryDirectory", "mkstemp", "mkdtemp",
           "gettempdir", "gettempprefix", "TMP_MAX", "template", "tempdir"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_FILE_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def _random_name():
    return ''.join([_NAME_CHARS[b % len(_NAME_CHARS)] for b in os.urandom(8)])


def _candidate_dirs():
    dirs = []
    for var in ('TMPDIR', 'TEMP', 'TMP'):
        value = os.getenv(var)
        if value:
            dirs.append(value)
    dirs.extend(['/tmp', '/var/tmp', '/usr/tmp'])
    try:
        dirs.append(os.getcwd())
    except OSError:
        dirs.append(os.curdir)
    return dirs


def _usable(d):
    # A directory we can create a file in (tested by creating and removing one).
    for i in range(100):
        name = os.path.join(d, _random_name())
        try:
            fd = os.open(name, _FILE_FLAGS, 0o600)
        except FileExistsError:
            continue
        except OSError:
            return False
        os.close(fd)
        os.unlink(name)
        return True
    return False


def gettempdir():
    global tempdir
    if tempdir is None:
        for d in _candidate_dirs():
            if d != os.curdir:
                d = os.path.abspath(d)
            if _usable(d):
                tempdir = d
                break
        if tempdir is None:
            raise FileNotFoundError(2, "No usable temporary directory found in %s" % _candidate_dirs())
    return tempdir


def gettempprefix():
    return template


def _parts(suffix, prefix, dir):
    if suffix is None:
        suffix = ''
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return suffix, prefix, dir


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    suffix, prefix, dir = _parts(suffix, prefix, dir)
    for i in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            fd = os.open(name, _FILE_FLAGS, 0o600)
        except FileExistsError:
            continue
        return fd, os.path.abspath(name)
    raise FileExistsError(17, "No usable temporary file name found")


def mkdtemp(suffix=None, prefix=None, dir=None):
    suffix, prefix, dir = _parts(suffix, prefix, dir)
    for i in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            os.mkdir(name, 0o700)
        except FileExistsError:
            continue
        return os.path.abspath(name)
    raise FileExistsError(17, "No usable temporary directory name found")


class _TemporaryFileWrapper:
    # A file object that knows its name and removes the file when closed (if delete).
    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._removed = False

    def __getattr__(self, name):
        return getattr(self.__dict__['file'], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return None

    def close(self):
        try:
            self.file.close()
        finally:
            if self.delete and not self._removed:
                self._removed = True
                try:
                    os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __iter__(self):
        return iter(self.file)


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        file = open(fd, mode, buffering, encoding=encoding, errors=errors, newline=newline)
    except:
        os.close(fd)
        os.unlink(name)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        os.unlink(name)
        return open(fd, mode, buffering, encoding=encoding, errors=errors, newline=newline)
    except:
        os.close(fd)
        raise


class TemporaryDirectory:
    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if self._done:
            return
        self._done = True
        if os.path.exists(self.name):
            shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
