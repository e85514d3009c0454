from ...simple import f as simple_f
from .. import sub
from . import __name__ as own_package
leaf_value = "leaf sees " + simple_f() + " and " + sub.helper()
