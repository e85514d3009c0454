# A thrown exception's traceback includes the generator's yield line.
def g():
    print("started")
    yield "first"

it = g()
next(it)
it.throw(ValueError("thrown in"))
