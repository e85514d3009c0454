# Importing a module of the script's own, its attributes and sys.modules caching.
import sys
import _inputs.simple
print(_inputs.simple.x, _inputs.simple.f())
m = _inputs.simple
print(m.__name__, m.__package__, m.__doc__)
print(m.__file__)
print(repr(m))
print(m.__spec__.name, m.__spec__.parent, m.__spec__.origin)
print(m.__cached__.endswith("__pycache__/simple.cpython-311.pyc"))
print(type(m.__builtins__) is dict)
print(sys.modules["_inputs.simple"] is m)
import _inputs.simple as again
print(again is m)
from _inputs import simple
print(simple is m)
from _inputs.simple import f, x as renamed, C
print(f(), renamed, C.__module__, C.__qualname__)
print(sorted([k for k in vars(m) if not k.startswith("__")]))
print([k for k in vars(m) if k.startswith("__")])
print("_inputs" in sys.modules, "_inputs.simple" in sys.modules)
print(_inputs.__path__[0].endswith("modules/_inputs"))
