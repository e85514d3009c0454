# Function scopes: locals, globals, builtins shadowing.
len_orig = len
def shadow_builtin():
    len = lambda x: -1
    return len("abc")
print(shadow_builtin(), len("abc"))
def uses_global():
    return g * 2
g = 21
print(uses_global())
def local_assign_later():
    y = 1
    y = y + 1
    return y
print(local_assign_later())
def param_shadow(g):
    return g
print(param_shadow("param"), g)
x = 1
def f():
    x = 2
    def h():
        return x
    return h()
print(f(), x)
