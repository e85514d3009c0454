# sys's plain attributes: each is a new object stored in the module while it is built.
import sys
print(sys.platform, sys.byteorder, sys.maxsize)
print(sys.argv[0].endswith("sys_attrs.py"), type(sys.path).__name__, sys.modules["sys"] is sys)
print(sys.stdout.name, sys.stderr.name, sys.__stdout__ is sys.stdout)
