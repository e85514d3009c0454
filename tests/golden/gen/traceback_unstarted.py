# Throwing into a generator that never started reports its def line.
def never():
    yield 1

n = never()
n.throw(KeyError("k"))
