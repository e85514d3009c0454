# SyntaxError: nonlocal declaration not allowed at module level.
def f():
    return 1
nonlocal counter
