# Packages: __init__.py, __path__, relative imports at every level, submodule binding.
import _inputs.pkg
pkg = _inputs.pkg
print(pkg.__name__, pkg.__package__, pkg.__doc__)
print(pkg.__file__)
print(pkg.__path__)
print(pkg.sub.helper(), pkg.helper is pkg.sub.helper, pkg.sub.simple_x)
print(pkg.__spec__.submodule_search_locations == pkg.__path__, pkg.__spec__.parent)
print(hasattr(pkg, "deep"))
import _inputs.pkg.deep.leaf
print(hasattr(pkg, "deep"), pkg.deep.leaf.leaf_value)
print(pkg.deep.leaf.own_package, pkg.deep.leaf_value)
print(pkg.deep.leaf.__package__, pkg.deep.__package__)
import _inputs.pkg.lonely as lonely
print(lonely.lonely, lonely.__name__)
from _inputs.pkg import lonely as again
print(again is lonely)
