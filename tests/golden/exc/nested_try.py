# Nested try statements, exceptions crossing frames.
def inner():
    try:
        raise ValueError("inner problem")
    except TypeError:
        print("inner: wrong type")
    finally:
        print("inner finally")
def middle():
    try:
        inner()
    except ValueError as e:
        print("middle caught:", e)
        raise KeyError("converted")
def outer():
    try:
        middle()
    except KeyError as e:
        print("outer caught:", repr(e))
    else:
        print("no")
    print("outer done")
outer()
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print("handled inner")
        [][0]
except IndexError as e:
    print("handled outer:", e)
def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    try:
        deep(n - 1)
    finally:
        print("unwinding", n)
try:
    deep(3)
except RuntimeError as e:
    print("caught", e)
