# os.environ, getenv, putenv/unsetenv and errno; changes to environ reach the real environment
# (checked through a child process's view of it after fork).
import os
import errno

key = 'GILVM_TEST_VAR_%d' % os.getpid()
print(key in os.environ, os.getenv(key), os.getenv(key, 'dflt'), os.environ.get(key, 'x'))
os.environ[key] = 'value 1'
print(key in os.environ, os.environ[key], os.getenv(key), len(os.environ) > 0)
print(('%r' % os.environ).startswith('environ({'), type(os.environ).__name__)
print(os.environ.setdefault(key, 'other'), os.environ.pop(key), key in os.environ, os.getenv(key))
print(os.environ.pop(key, 'gone'))
try:
    os.environ[key]
except KeyError as e:
    print('KeyError', str(e).replace(key, 'KEY'))
try:
    del os.environ[key]
except KeyError as e:
    print('KeyError', str(e).replace(key, 'KEY'))
for bad in [lambda: os.environ.__setitem__(key, 1), lambda: os.environ.__getitem__(1), lambda: os.getenv(1),
            lambda: os.putenv('a=b', 'c'), lambda: os.putenv(key, 'a\0b')]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
os.environ.update({key: 'u'}, **{key + '_2': 'v'})
print(os.environ[key], os.environ[key + '_2'], sorted([k.replace(key, 'KEY') for k in os.environ if k.startswith(key)]))
copy = os.environ.copy()
print(type(copy).__name__, copy[key])

# The real environment follows os.environ: a forked child sees it after it changed.
os.environ[key] = 'seen by child'
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    import posix
    os.write(w, os.getenv(key, 'missing').encode())
    os._exit(0)
os.close(w)
print(os.read(r, 100))
os.close(r)
os.waitpid(pid, 0)
del os.environ[key]
del os.environ[key + '_2']
print(key in os.environ)

# errno
print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.EINTR, errno.EAGAIN, errno.EWOULDBLOCK)
print(errno.EPIPE, errno.ECONNREFUSED, errno.ECONNRESET, errno.ETIMEDOUT, errno.EINVAL, errno.EBADF)
print(errno.ENOTDIR, errno.EISDIR, errno.ENOTEMPTY, errno.ECHILD, errno.ESRCH, errno.EDEADLK, errno.EOPNOTSUPP)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95], len(errno.errorcode))
print(os.strerror(errno.ENOENT), os.strerror(errno.EPIPE))
e = OSError(errno.ENOENT, os.strerror(errno.ENOENT), 'f')
print(type(e).__name__, e)
