# Notes added with add_note() print after the exception line, one per line.
e = ValueError("bad value")
e.add_note("first note")
e.add_note("a note\nover two lines")
print(e.__notes__)
try:
    e.add_note(42)
except TypeError as err:
    print("TypeError:", err)
e2 = KeyError("k")
e2.__notes__ = "not a list"
try:
    e2.add_note("x")
except TypeError as err:
    print("TypeError:", err)


def check(n):
    try:
        raise IndexError(n)
    except IndexError as err:
        err.add_note(f"while checking {n}")
        raise

try:
    check(3)
except IndexError as err:
    print(err, err.__notes__)

raise e
