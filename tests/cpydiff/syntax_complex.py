# difference: Complex numbers do not exist: an imaginary literal is a SyntaxError
# cause: gilvm has no complex type; the compiler rejects `1j` by name rather than computing something else.
# workaround: Represent complex values as pairs of floats.
z = 2 + 3j
print(z * z)
