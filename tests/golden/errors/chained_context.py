# An exception raised while handling another one.
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("could not parse")

parse("abc")
