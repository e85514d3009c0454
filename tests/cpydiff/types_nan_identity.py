# difference: Two separately made NaNs count as the same object in containers
# cause: gilvm's floats are unboxed values, not heap objects, so the identity test that containers try before `==` is true for any two NaNs with the same bits.
# workaround: Test for NaN with `math.isnan`, not by membership.
nan = float("nan")
print(nan in [nan])
print(float("nan") in [float("nan")])
print(float("nan") in {float("nan")})
