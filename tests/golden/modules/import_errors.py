# The errors of import with CPython's messages and attributes.
import sys
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import _inputs.no_such_sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import _inputs.simple.child
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _inputs.simple import missing
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    from _inputs.pkg import missing_sub
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from sys import nothing_here
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .sibling import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    import _inputs.beyond
except ImportError as e:
    print(type(e).__name__, e)
print("_inputs.beyond" in sys.modules)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    __import__(42)
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
