# posixpath: pathname manipulation for POSIX systems; os.path is this module.
#
# Behaves as CPython 3.11's posixpath for str paths (and for objects with __fspath__ that give
# str). Invariants: the constants are defined before `import os`, because os imports this module
# while it is itself being imported. Not supported: bytes paths (TypeError from the str
# operations), and `~user` in expanduser (there is no pwd module: the path comes back unchanged).
curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

import os

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _str(p):
    return os.fspath(p)


def normcase(s):
    return _str(s)


def isabs(s):
    return _str(s).startswith(sep)


def _join_arg(part):
    try:
        return os.fspath(part)
    except TypeError:
        raise TypeError("join() argument must be str, bytes, or os.PathLike object, not '%s'"
                        % type(part).__name__) from None


def join(a, *p):
    result = _join_arg(a)
    for part in p:
        part = _join_arg(part)
        if part.startswith(sep):
            result = part
        elif not result or result.endswith(sep):
            result += part
        else:
            result += sep + part
    return result


def _strip_trailing_seps(head):
    # 'a//' -> 'a', but a head made only of separators ('/', '//') stays as it is.
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def split(p):
    p = _str(p)
    cut = p.rfind(sep) + 1
    return _strip_trailing_seps(p[:cut]), p[cut:]


def basename(p):
    p = _str(p)
    return p[p.rfind(sep) + 1:]


def dirname(p):
    p = _str(p)
    return _strip_trailing_seps(p[:p.rfind(sep) + 1])


def splitext(p):
    p = _str(p)
    last_sep = p.rfind(sep)
    dot = p.rfind(extsep)
    if dot > last_sep:
        # Dots that start the file name ('.bashrc', '..x') do not begin an extension.
        start = last_sep + 1
        while start < dot:
            if p[start] != extsep:
                return p[:dot], p[dot:]
            start += 1
    return p, p[:0]


def splitdrive(p):
    p = _str(p)
    return p[:0], p


def _mode(p, follow):
    try:
        st = os.stat(p) if follow else os.lstat(p)
    except (OSError, ValueError):
        return None
    return st.st_mode


def exists(p):
    return _mode(p, True) is not None


def lexists(p):
    return _mode(p, False) is not None


def isfile(p):
    m = _mode(p, True)
    return m is not None and m & _S_IFMT == _S_IFREG


def isdir(s):
    m = _mode(s, True)
    return m is not None and m & _S_IFMT == _S_IFDIR


def islink(p):
    m = _mode(p, False)
    return m is not None and m & _S_IFMT == _S_IFLNK


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def samefile(f1, f2):
    s1 = os.stat(f1)
    s2 = os.stat(f2)
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def normpath(path):
    path = _str(path)
    if not path:
        return curdir
    # POSIX gives exactly two leading slashes a meaning of their own; three or more mean one.
    leading = 0
    if path.startswith(sep):
        leading = 1
        if path.startswith(sep * 2) and not path.startswith(sep * 3):
            leading = 2
    parts = []
    for comp in path.split(sep):
        if comp == '' or comp == curdir:
            continue
        if comp == pardir:
            if parts and parts[-1] != pardir:
                parts.pop()
                continue
            if leading:
                continue  # '..' above the root is the root
        parts.append(comp)
    result = sep * leading + sep.join(parts)
    return result or curdir


def abspath(path):
    path = _str(path)
    if not isabs(path):
        path = join(os.getcwd(), path)
    return normpath(path)


def _resolve(path, rest, strict, seen):
    """Resolves `rest` relative to the already resolved `path`; returns (path, finished)."""
    if isabs(rest):
        rest = rest[1:]
        path = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == curdir:
            continue
        if name == pardir:
            if path:
                path, last = split(path)
                if last == pardir:
                    path = join(path, pardir, pardir)
            else:
                path = pardir
            continue
        candidate = join(path, name)
        try:
            is_link = os.lstat(candidate).st_mode & _S_IFMT == _S_IFLNK
        except OSError:
            if strict:
                raise
            is_link = False
        if not is_link:
            path = candidate
            continue
        if candidate in seen:
            known = seen[candidate]
            if known is not None:
                path = known
                continue
            # A symlink loop: strict mode reports it, otherwise the rest stays unresolved.
            if strict:
                os.stat(candidate)
            return join(candidate, rest), False
        seen[candidate] = None
        path, finished = _resolve(path, os.readlink(candidate), strict, seen)
        if not finished:
            return join(path, rest), False
        seen[candidate] = path
    return path, True


def realpath(filename, *, strict=False):
    filename = _str(filename)
    path, _ = _resolve('', filename, strict, {})
    return abspath(path)


def relpath(path, start=None):
    path = _str(path)
    if not path:
        raise ValueError('no path specified')
    start = curdir if start is None else _str(start)
    start_parts = [c for c in abspath(start).split(sep) if c]
    path_parts = [c for c in abspath(path).split(sep) if c]
    common = len(commonprefix([start_parts, path_parts]))
    rel = [pardir] * (len(start_parts) - common) + path_parts[common:]
    if not rel:
        return curdir
    return join(*rel)


def commonprefix(m):
    if not m:
        return ''
    lo = min(m)
    hi = max(m)
    for i in range(len(lo)):
        if lo[i] != hi[i]:
            return lo[:i]
    return lo


def commonpath(paths):
    paths = [_str(p) for p in paths]
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    absolute = [p.startswith(sep) for p in paths]
    if True in absolute and False in absolute:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in p.split(sep) if c and c != curdir] for p in paths]
    lo = min(split_paths)
    hi = max(split_paths)
    common = lo
    for i in range(len(lo)):
        if lo[i] != hi[i]:
            common = lo[:i]
            break
    prefix = sep if absolute[0] else ''
    return prefix + sep.join(common)


def expanduser(path):
    path = _str(path)
    if not path.startswith('~'):
        return path
    end = path.find(sep, 1)
    if end < 0:
        end = len(path)
    if end != 1 or 'HOME' not in os.environ:
        return path  # ~user needs the password database, which gilvm does not have
    home = os.environ['HOME'].rstrip(sep)
    return (home + path[end:]) or sep


_NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'


def expandvars(path):
    """Replaces $name and ${name} by the environment variable's value; unknown ones stay."""
    path = _str(path)
    if '$' not in path:
        return path
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == '{':
            close = path.find('}', i + 2)
            if close < 0:
                out.append(c)
                i += 1
                continue
            name = path[i + 2:close]
            end = close + 1
        else:
            end = i + 1
            while end < n and path[end] in _NAME_CHARS:
                end += 1
            name = path[i + 1:end]
            if not name:
                out.append(c)
                i += 1
                continue
        if name in os.environ:
            out.append(os.environ[name])
        else:
            out.append(path[i:end])
        i = end
    return ''.join(out)
