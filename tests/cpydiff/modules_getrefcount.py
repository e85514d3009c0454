# difference: `sys.getrefcount` does not exist
# cause: gilvm does not count references; objects are freed by a tracing collector.
import sys
print(sys.getrefcount(object()) > 0)
