# sys.exit(0) and sys.exit() exit successfully; finally blocks still run.
import sys
try:
    print("in try")
    sys.exit(0)
finally:
    print("finally runs on sys.exit")
print("never")
