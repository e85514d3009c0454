# An exception in finally replaces the original one (context is shown).
def f():
    try:
        raise KeyError("first")
    finally:
        print("cleanup")
        1 / 0

f()
