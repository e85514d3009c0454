# os: files and directories in a fresh temporary directory: creation, listing, stat, rename,
# removal, and the errors CPython raises for each misuse (with the temporary prefix hidden).
import os
import errno

base = '/tmp/gilvm_os_files_%d' % os.getpid()
os.mkdir(base)
start = os.getcwd()
os.chdir(base)
print(os.getcwd() == base, os.path.realpath(os.getcwd()) == os.path.realpath(base))


def show(e):
    print(type(e).__name__, str(e).replace(base, '<tmp>'), errno.errorcode[e.errno],
          None if e.filename is None else e.filename.replace(base, '<tmp>'))


def attempt(label, f, *args):
    try:
        r = f(*args)
        print(label, 'ok', r)
    except OSError as e:
        print(label, end=' ')
        show(e)
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


# creating files through descriptors
fd = os.open('a.txt', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b'hello world\n'), os.write(fd, bytearray(b'more')))
os.close(fd)
fd = os.open('a.txt', os.O_RDONLY)
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 3), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, -2, os.SEEK_END))
print(os.read(fd, 10), os.isatty(fd), os.fstat(fd).st_size)
os.close(fd)
fd = os.open('a.txt', os.O_WRONLY | os.O_APPEND)
os.write(fd, b'!')
os.close(fd)
attempt('excl', os.open, 'a.txt', os.O_WRONLY | os.O_CREAT | os.O_EXCL)
attempt('open missing', os.open, 'missing.txt', os.O_RDONLY)
attempt('close bad', os.close, 9999)
attempt('read bad', os.read, 9999, 1)
attempt('write str', os.write, 1, 'text')
attempt('read neg', os.read, 0, -1)

# stat
st = os.stat('a.txt')
print(st.st_size, len(st), st[6], st[6] == st.st_size, type(st).__name__)
print(st.st_mode & 0o777 == 0o644, st.st_mode & 0o170000 == 0o100000, st.st_nlink, type(st.st_mtime).__name__)
print(st.st_mtime_ns // 1000000000 == st[8], int(st.st_mtime) == st[8], st == os.stat('a.txt'))
print(os.path.getsize('a.txt'), os.path.isfile('a.txt'), os.path.isdir('a.txt'), os.path.exists('a.txt'))
os.utime('a.txt', (1000000000, 1500000000))
print(os.stat('a.txt').st_mtime, os.stat('a.txt').st_atime, os.path.getmtime('a.txt'))
os.utime('a.txt', ns=(5, 2000000000123456789))
print(os.stat('a.txt').st_mtime_ns, os.stat('a.txt')[8])
attempt('stat missing', os.stat, 'nope')
attempt('stat float', os.stat, 1.5)
attempt('stat nul', os.stat, 'a\0b')
attempt('lstat missing', os.lstat, 'nope/deeper')
attempt('stat notdir', os.stat, 'a.txt/x')

# chmod and access
print(os.access('a.txt', os.F_OK), os.access('nope', os.F_OK), os.access('a.txt', os.R_OK))
os.chmod('a.txt', 0o600)
print('%o' % (os.stat('a.txt').st_mode & 0o777))
attempt('chmod missing', os.chmod, 'nope', 0o600)
attempt('access float', os.access, 1.5, os.F_OK)

# directories
os.mkdir('d')
os.mkdir('d/e', 0o755)
for n in ['x', 'y', 'z']:
    fd = os.open('d/' + n, os.O_CREAT | os.O_WRONLY)
    os.close(fd)
print(sorted(os.listdir('d')), sorted(os.listdir()), sorted(os.listdir(None)))
print(sorted(os.listdir(b'd')))
attempt('mkdir exists', os.mkdir, 'd')
attempt('mkdir float', os.mkdir, 1.5)
attempt('mkdir nested missing', os.mkdir, 'q/r')
attempt('listdir missing', os.listdir, 'nope')
attempt('listdir file', os.listdir, 'a.txt')
attempt('listdir float', os.listdir, 1.5)
attempt('rmdir nonempty', os.rmdir, 'd')
attempt('rmdir missing', os.rmdir, 'nope')
attempt('rmdir file', os.rmdir, 'a.txt')
attempt('unlink dir', os.unlink, 'd')
attempt('remove missing', os.remove, 'nope')
attempt('chdir missing', os.chdir, 'nope')
attempt('chdir file', os.chdir, 'a.txt')

# rename and replace
os.rename('d/x', 'd/x2')
os.replace('d/y', 'd/x2')
print(sorted(os.listdir('d')))
attempt('rename missing', os.rename, 'nope1', 'nope2')
attempt('rename dir onto file', os.rename, 'd/e', 'd/z')
attempt('replace into missing dir', os.replace, 'd/z', 'nodir/z')

# makedirs / removedirs
os.makedirs('m/n/o')
print(os.path.isdir('m/n/o'))
attempt('makedirs exists', os.makedirs, 'm/n/o')
os.makedirs('m/n/o', exist_ok=True)
attempt('makedirs file', os.makedirs, 'a.txt', 0o777, True)
os.removedirs('m/n/o')
print(os.path.exists('m'))

# scandir
with os.scandir('d') as it:
    entries = sorted([(e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink()) for e in it])
for e in entries:
    print(e)
print(sorted([repr(e) for e in os.scandir('d')]))

# symlinks
os.symlink('a.txt', 'link')
print(os.path.islink('link'), os.path.islink('a.txt'), os.readlink('link'), os.path.realpath('link') == os.path.realpath(base) + '/a.txt')
print(os.lstat('link').st_mode & 0o170000 == 0o120000, os.stat('link').st_size == os.stat('a.txt').st_size)
print(os.path.samefile('link', 'a.txt'), os.path.samefile('a.txt', 'd'))
os.unlink('link')

# dup, dup2, pipes and the terminal
fd = os.open('d/z', os.O_RDWR)
os.write(fd, b'abcdef')
fd2 = os.dup(fd)
print(fd2 != fd, os.lseek(fd2, 0, os.SEEK_CUR), os.lseek(fd, 1, os.SEEK_SET), os.read(fd2, 2))
r, w = os.pipe()
print(os.dup2(fd, w) == w, os.write(w, b'X'), os.lseek(fd, 0, os.SEEK_CUR))
for x in [fd, fd2, r, w]:
    os.close(x)
attempt('dup bad', os.dup, 9999)
attempt('dup2 bad', os.dup2, 9999, 5)
attempt('lseek pipe', os.lseek, os.pipe()[0], 0, os.SEEK_SET)
attempt('terminal size', os.get_terminal_size, 9999)
attempt('fstat bad', os.fstat, 9999)
r, w = os.pipe()
os.close(r)
attempt('write closed pipe', os.write, w, b'x')
os.close(w)

# clean up
for n in os.listdir('d'):
    p = os.path.join('d', n)
    if os.path.isdir(p):
        os.rmdir(p)
    else:
        os.remove(p)
os.rmdir('d')
os.unlink('a.txt')
print(os.listdir('.'))
os.chdir(start)
os.rmdir(base)
print(os.path.exists(base))
