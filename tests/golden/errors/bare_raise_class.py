# Raising an exception class without arguments.
def check():
    raise NotImplementedError

check()
