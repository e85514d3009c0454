# The "as" target is deleted at the end of the except clause.
e = "before"
try:
    raise ValueError("v")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    try:
        raise KeyError("k")
    except KeyError as exc:
        saved = exc
    return saved
print(repr(f()))
