# Uncaught AssertionError with a message.
def validate(x):
    assert x > 0, "x must be positive"
    return x

validate(5)
validate(-1)
