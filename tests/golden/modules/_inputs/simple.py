"""A small module for the import tests."""
print("simple: running as", __name__)
x = 42
_private = "hidden"


def f():
    return "f from simple"


class C:
    pass
