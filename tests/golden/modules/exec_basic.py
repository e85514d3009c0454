# exec(): statements in the caller's or given namespaces; builtins injected when missing.
exec("a = 1\nb = a + 1")
print(a, b)
ns = {}
exec("def double(v):\n    return v * 2\nresult = double(21)", ns)
print(ns["result"], ns["double"](4), sorted(ns))
print(ns["double"].__globals__ is ns)
loc = {}
exec("z = 3", {}, loc)
print(loc)
g = {"__builtins__": {"len": len}}
exec("n = len('abc')", g)
print(g["n"])
try:
    exec("print('x')", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
print(exec("1 + 1"))


def inside():
    exec("local_only = 1")
    return "local_only" in locals()


print(inside())
exec("class K:\n    attr = 'class made by exec'\n")
print(K.attr, K.__module__)
code = compile("total = sum(range(5))", "<made>", "exec")
exec(code)
print(total)
try:
    exec("from . import x", {})
except KeyError as e:
    print(type(e).__name__, e)
try:
    exec("from . import x", {"__name__": "pkg.m", "__package__": "pkg"})
except ImportError as e:
    print(type(e).__name__, e)
exec("from os import path as p\nprint(p.join('a', 'b'))", {})
