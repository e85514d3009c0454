# os.path (posixpath): the string functions, which touch no file, and the constants; reachable
# as os.path, `import os.path` and `import posixpath`.
import os.path
import posixpath
from os.path import join as pjoin
import os

print(os.path is posixpath, pjoin is posixpath.join, os.name, os.sep, os.altsep, os.extsep, os.pathsep)
print(repr(os.linesep), os.curdir, os.pardir, os.devnull)
print(os.path.sep, os.path.curdir, os.path.pardir, os.path.extsep)

cases = ['', '/', '//', '///', 'a', '/a', 'a/', 'a/b', '/a/b/', 'a//b', '//a', '///a/b//c/',
         '.', '..', 'a/./b', 'a/../b', '../a', '/../a', 'a/b/../../..', '.hidden', 'dir/.hidden',
         'f.tar.gz', '..x', 'a.b/c', 'a/b.', './..', '/a/./b/../c/']
for p in cases:
    print(repr(p), os.path.split(p), os.path.splitext(p), repr(os.path.basename(p)),
          repr(os.path.dirname(p)), repr(os.path.normpath(p)), os.path.isabs(p))

print(os.path.join('a'), os.path.join('a', 'b', 'c'), os.path.join('a/', 'b'), os.path.join('a', '/b', 'c'))
print(repr(os.path.join('', 'a')), repr(os.path.join('a', '')), repr(os.path.join('', '')))
print(os.path.commonprefix([]), os.path.commonprefix(['/usr/lib', '/usr/local', '/usr/li']))
print(os.path.commonprefix([['a', 'b'], ['a', 'c']]))
print(os.path.commonpath(['/usr/lib', '/usr/local', '/usr']), os.path.commonpath(['a/b', 'a/./b/c', 'a/b/d']))
print(repr(os.path.commonpath(['a', 'b'])), os.path.commonpath(['/a']))
for bad in [[], ['/a', 'b']]:
    try:
        os.path.commonpath(bad)
    except ValueError as e:
        print('ValueError', e)

print(os.path.relpath('/a/b/c', '/a'), os.path.relpath('/a', '/a/b/c'), os.path.relpath('/x/y', '/a/b'))
print(os.path.relpath('/a', '/a'), os.path.relpath('a/b', 'a'))
try:
    os.path.relpath('')
except ValueError as e:
    print('ValueError', e)

print(os.path.abspath('/a/../b/./c'), os.path.abspath('x') == os.path.join(os.getcwd(), 'x'))
print(os.path.abspath('.') == os.getcwd())

try:
    os.path.join('a', 1)
except TypeError as e:
    print('TypeError', e)
try:
    os.fspath(1)
except TypeError as e:
    print('TypeError', e)


class P:
    def __fspath__(self):
        return 'from/fspath'


print(os.fspath('s'), os.fspath(b'b'), os.fspath(P()), os.path.join(P(), 'x'), os.path.basename(P()))
