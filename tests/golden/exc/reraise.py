# Bare raise re-raises the current exception.
def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    f()
except ValueError as e:
    print("caught again:", e)
def g():
    try:
        {}["k"]
    except KeyError as e:
        err = e
    raise err
try:
    g()
except KeyError as e:
    print("raised stored exception:", repr(e))
try:
    try:
        raise TypeError("t")
    except TypeError as e:
        raise e
except TypeError as e2:
    print("raise e:", e2)
try:
    raise
except RuntimeError as e:
    print("bare raise with nothing:", e)
