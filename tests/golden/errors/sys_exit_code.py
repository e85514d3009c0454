# sys.exit(2) sets the exit code and prints nothing to stderr.
import sys
print("exiting with 2")
sys.exit(2)
print("never")
