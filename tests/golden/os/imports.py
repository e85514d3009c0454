# How os.path is reached: `import posixpath` first (it imports os, which imports it back),
# `import os.path`, `import os.path as p`, `from os import path`, `from os.path import ...`,
# and the error for a submodule that does not exist.
import posixpath
print(posixpath.join('a', 'b'), posixpath.sep)
import os.path
print(os.path is posixpath, os.path.__name__)
import os.path as p
print(p is posixpath)
from os import path, sep
print(path is posixpath, sep)
from os.path import join, splitext
print(join('x', 'y'), splitext('f.py'))
import sys
print(sys.modules['os.path'] is posixpath, 'posix' in sys.modules)
try:
    import os.nothing
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import errno.sub
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from os import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
import errno
print(errno.__name__, os.name, hasattr(os, 'no_such_function'))
try:
    os.no_such_function()
except AttributeError as e:
    print('AttributeError', e)
