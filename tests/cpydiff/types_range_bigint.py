# difference: `range()` does not accept integers beyond 64 bits
# cause: gilvm's range keeps its bounds as 64-bit integers; a bigger bound raises OverflowError rather than computing something else.
# workaround: Count with a while loop over big ints.
r = range(2**100)
print(len(r) > 0)
