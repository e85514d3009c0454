# difference: `sys.path` names the embedded standard library as "<stdlib>"
# cause: gilvm's standard library is compiled into the binary, not read from a directory; the marker entry stands where CPython lists its library directories.
import sys
print(sys.path[-1])
