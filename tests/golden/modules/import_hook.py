# A script's own builtins.__import__ sees every import statement with CPython's arguments;
# embedded modules have a __spec__ too.
import builtins
import sys
original = builtins.__import__


def hook(name, globals=None, locals=None, fromlist=(), level=0):
    # Only the imports of this test's own modules: the standard library's are not portable.
    if globals["__name__"].startswith(("_inputs", "__main__")):
        print("hook:", name, fromlist, level)
    return original(name, globals, locals, fromlist, level)


builtins.__import__ = hook
import json
from _inputs import simple
from _inputs.simple import x
import _inputs.pkg.lonely as lonely
builtins.__import__ = original
import json
print(json.__spec__.name, json.__package__, sys.__spec__.name, sys.__spec__.origin)
print("sys" in sys.builtin_module_names, "json" in sys.builtin_module_names)
print(lonely.__name__, x)
