# SystemExit can be caught explicitly; then a later exit code wins.
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
print("continuing")
sys.exit(4)
