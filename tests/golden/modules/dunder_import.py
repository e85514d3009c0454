# __import__ and importlib.import_module / reload.
import importlib
import sys
top = __import__("_inputs.pkg.sub")
print(top.__name__)
leaf = __import__("_inputs.pkg.sub", fromlist=["helper"])
print(leaf.__name__)
rel = __import__("sub", globals={"__package__": "_inputs.pkg", "__name__": "x"}, fromlist=["helper"], level=1)
print(rel.__name__)
m = importlib.import_module("_inputs.pkg.lonely")
print(m.__name__, m is sys.modules["_inputs.pkg.lonely"])
m2 = importlib.import_module(".lonely", "_inputs.pkg")
print(m2 is m)
m3 = importlib.import_module("..simple", "_inputs.pkg")
print(m3.__name__)
try:
    importlib.import_module(".lonely")
except TypeError as e:
    print(type(e).__name__, e)
try:
    importlib.import_module("..x", "toplevel")
except ImportError as e:
    print(type(e).__name__, e)
import _inputs.counter as counter
counter.bump()
counter.extra = "kept"
again = importlib.reload(counter)
print(again is counter, counter.count, counter.extra)
print(importlib.import_module("math").sqrt(16))
