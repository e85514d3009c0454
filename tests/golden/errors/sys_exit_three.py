# sys.exit(3) from inside nested calls.
import sys
def inner():
    print("inner exiting")
    sys.exit(3)
def outer():
    inner()
    print("never")
outer()
