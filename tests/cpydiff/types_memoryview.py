# difference: `memoryview` and `help()` are not available
# cause: gilvm has no buffer protocol for memoryview to expose, and no pydoc; calling either raises NotImplementedError naming it.
# workaround: Slice bytes or bytearray objects directly.
data = bytearray(b"abc")
view = memoryview(data)
print(view[0])
