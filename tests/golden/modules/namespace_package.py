# A directory without __init__.py is a namespace package.
import _inputs.nspkg.inner.mod
import _inputs.nspkg
ns = _inputs.nspkg
print(ns.__file__, ns.__spec__.origin, ns.__package__)
print(len(ns.__path__), _inputs.nspkg.inner.mod.where)
print(sorted([k for k in vars(ns) if k.startswith("__")]))
