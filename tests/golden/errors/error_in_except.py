# Error inside an except block at module level, and in finally.
try:
    [].pop()
except IndexError:
    print("handling")
    undefined_in_handler_zzz
