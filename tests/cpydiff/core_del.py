# difference: `__del__` never runs
# cause: gilvm's collector is a tracing mark-and-sweep collector, not reference counting, so there is no moment when the last reference goes; it does not call finalizers.
# workaround: Release resources explicitly: `with` blocks, `close()` methods, try/finally.
class Resource:
    def __del__(self):
        print("released")

r = Resource()
del r
print("end")
