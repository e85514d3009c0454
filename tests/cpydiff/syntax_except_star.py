# difference: `except*` is rejected
# cause: Exception groups (PEP 654) are not implemented; the compiler names `except*` rather than accepting it.
# workaround: Catch the individual exceptions with plain `except`.
try:
    pass
except* ValueError:
    pass
print("done")
