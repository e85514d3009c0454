# raise ... from None suppresses the context.
def lookup(key):
    try:
        return {}[key]
    except KeyError:
        raise ValueError("bad key: " + key) from None

lookup("x")
