# difference: `X | Y` on classes (PEP 604 unions) is not supported
# cause: gilvm's types have no `__or__`; `typing.Union[X, Y]` and `typing.Optional[X]` work.
# workaround: Write `Union[int, str]` from typing.
def parse(value: "int | str"):
    return value
print(int | str)
