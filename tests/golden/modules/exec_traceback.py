# An exception raised inside exec'd code: its frames are in "<string>", with no source line.
src = """
def fail(n):
    return 1 // n

fail(0)
"""
exec(src)
