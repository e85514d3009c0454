# Importing a module that does not exist.
import math, sys
print(math.floor(2.5), len(sys.argv))
from math import sqrt as root
print(root(16.0))
try:
    from math import nope
except ImportError as e:
    print(type(e).__name__)
import nonexistent_module
