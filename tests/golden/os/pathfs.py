# os.path functions that look at the file system or the environment: exists/isfile/isdir/islink,
# getsize/getmtime, realpath through symlinks (and a loop), expanduser, expandvars, samefile.
import os

base = '/tmp/gilvm_os_pathfs_%d' % os.getpid()
os.mkdir(base)
real_base = os.path.realpath(base)
os.mkdir(os.path.join(base, 'dir'))
fd = os.open(os.path.join(base, 'dir', 'f'), os.O_CREAT | os.O_WRONLY, 0o644)
os.write(fd, b'12345')
os.close(fd)
os.symlink('dir', os.path.join(base, 'ldir'))
os.symlink('dir/f', os.path.join(base, 'lf'))
os.symlink('nowhere', os.path.join(base, 'dangling'))
os.symlink('loop2', os.path.join(base, 'loop1'))
os.symlink('loop1', os.path.join(base, 'loop2'))


def r(p):
    return p.replace(real_base, '<tmp>').replace(base, '<tmp>')


for name in ['dir', 'dir/f', 'ldir', 'lf', 'dangling', 'loop1', 'missing']:
    p = os.path.join(base, name)
    print(name, os.path.exists(p), os.path.lexists(p), os.path.isfile(p), os.path.isdir(p), os.path.islink(p),
          r(os.path.realpath(p)))
print(os.path.getsize(os.path.join(base, 'lf')), os.path.getmtime(os.path.join(base, 'lf')) > 0)
print(r(os.path.realpath(os.path.join(base, 'ldir', '..', 'ldir', 'f'))))
print(r(os.path.realpath(os.path.join(base, 'ldir/./f/'))))
print(os.path.samefile(os.path.join(base, 'lf'), os.path.join(base, 'dir/f')))
print(os.path.exists('a\0b'), os.path.isdir(''), os.path.exists(''))
try:
    os.path.getsize(os.path.join(base, 'missing'))
except OSError as e:
    print(type(e).__name__, r(str(e)))
try:
    os.path.realpath(os.path.join(base, 'loop1'), strict=True)
except OSError as e:
    print(type(e).__name__, r(str(e)))

old_home = os.environ.get('HOME')
os.environ['HOME'] = '/home/someone/'
os.environ['GILVM_V'] = 'val'
print(os.path.expanduser('~'), os.path.expanduser('~/x/y'), os.path.expanduser('a/~'), os.path.expanduser('~~'))
for s in ['$GILVM_V', '${GILVM_V}/x', 'a$GILVM_V.b', '$GILVM_NOPE/x', '${GILVM_NOPE}', '$', 'a$', '${', '${GILVM_V',
          '$$GILVM_V', 'no vars', '$GILVM_V$GILVM_V', '${}', '$1x']:
    print(repr(s), repr(os.path.expandvars(s)))
del os.environ['GILVM_V']
if old_home is None:
    del os.environ['HOME']
else:
    os.environ['HOME'] = old_home

for name in ['lf', 'ldir', 'dangling', 'loop1', 'loop2']:
    os.unlink(os.path.join(base, name))
os.remove(os.path.join(base, 'dir', 'f'))
os.rmdir(os.path.join(base, 'dir'))
os.rmdir(base)
print(os.path.exists(base))
