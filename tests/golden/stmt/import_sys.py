# import sys: argv, SystemExit caught.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
print(type(sys.argv).__name__)
def f():
    import sys
    return sys.argv[0].endswith(".py")
print(f())
import math
import sys
print(sys.argv[0].split("/"))
try:
    sys.exit(9)
except SystemExit as e:
    print("SystemExit code", e.code, e.args)
print("done")
