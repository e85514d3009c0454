import sys as _sys
public = "public"
_hidden = "hidden"
def func():
    return "func"
