# difference: `help()` raises NotImplementedError
# cause: CPython's interactive help is pydoc, a large library that renders documentation from source and docstrings; gilvm does not have it. `help` still shows CPython's hint when echoed at the prompt.
# workaround: Read an object's `__doc__`, or run `python3 -c "help(name)"` for the documentation of the real thing.
print(repr(help))
print(len.__doc__ is not None)
help(len)
