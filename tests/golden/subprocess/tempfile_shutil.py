# tempfile and shutil round trips: never prints the random names.
import os
import shutil
import tempfile

tmp = tempfile.gettempdir()
print(os.path.isabs(tmp), os.path.isdir(tmp), tempfile.gettempdir() == tmp)

d = tempfile.mkdtemp()
print(os.path.isdir(d), os.path.dirname(d) == tmp, os.path.basename(d).startswith('tmp'))
print(format(os.stat(d).st_mode & 0o777, 'o'))

fd, path = tempfile.mkstemp(suffix='.txt', prefix='pre_', dir=d)
print(os.path.dirname(path) == d, os.path.basename(path).startswith('pre_'), path.endswith('.txt'))
print(format(os.stat(path).st_mode & 0o777, 'o'))
os.write(fd, b'hello temp\n')
os.close(fd)
with open(path) as f:
    print(repr(f.read()))

# shutil.copyfile / copy / move.
dst = os.path.join(d, 'copy.txt')
print(shutil.copyfile(path, dst) == dst)
with open(dst, 'rb') as f:
    print(f.read())
sub = os.path.join(d, 'sub')
os.mkdir(sub)
os.chmod(path, 0o640)
copied = shutil.copy(path, sub)
print(copied == os.path.join(sub, os.path.basename(path)), format(os.stat(copied).st_mode & 0o777, 'o'))
moved = shutil.move(dst, os.path.join(sub, 'moved.txt'))
print(moved == os.path.join(sub, 'moved.txt'), os.path.exists(dst), os.path.exists(moved))
moved2 = shutil.move(moved, d)
print(moved2 == os.path.join(d, 'moved.txt'), os.path.exists(moved))
try:
    shutil.copyfile(moved2, moved2)
except shutil.SameFileError as e:
    print(type(e).__name__, isinstance(e, OSError))
try:
    shutil.copyfile(os.path.join(d, 'missing'), dst)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)

os.makedirs(os.path.join(d, 'deep', 'er', 'est'))
with open(os.path.join(d, 'deep', 'er', 'f.txt'), 'w') as f:
    f.write('x')
print(sorted([n for n in os.listdir(d) if not n.startswith('pre_')]))
shutil.rmtree(d)
print(os.path.exists(d))
try:
    shutil.rmtree(d)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
shutil.rmtree(d, ignore_errors=True)
print('ignored')

print(os.path.basename(shutil.which('sh')), os.path.isabs(shutil.which('sh')))
print(shutil.which('no-such-program-anywhere'))
print(shutil.which('/bin/sh'))

with tempfile.TemporaryDirectory() as name:
    print(os.path.isdir(name))
    with open(os.path.join(name, 'inside'), 'w') as f:
        f.write('data')
    os.mkdir(os.path.join(name, 'nested'))
    kept = name
print(os.path.exists(kept))

td = tempfile.TemporaryDirectory(prefix='gv_')
print(os.path.basename(td.name).startswith('gv_'))
td.cleanup()
print(os.path.exists(td.name))

with tempfile.NamedTemporaryFile() as f:
    print(os.path.exists(f.name), os.path.isabs(f.name))
    f.write(b'named bytes')
    f.seek(0)
    print(f.read())
    name = f.name
print(os.path.exists(name))

f = tempfile.NamedTemporaryFile('w+', suffix='.log')
f.write('text mode\n')
f.flush()
with open(f.name) as g:
    print(repr(g.read()), f.name.endswith('.log'))
f.close()
print(os.path.exists(f.name))

f = tempfile.NamedTemporaryFile(delete=False)
f.write(b'kept')
f.close()
print(os.path.exists(f.name))
os.unlink(f.name)
