# globals(), locals(), vars() and dir() without arguments.
import sys
print(globals() is sys.modules[__name__].__dict__)
print(locals() is globals())
counter = 1
globals()["made_by_globals"] = "yes"
print(made_by_globals)


def func(a, b=2, *rest, **kw):
    c = a + b
    def inner():
        return c
    snapshot = locals()
    snapshot["c"] = 100
    print(sorted(snapshot), c)
    print(dir())
    print(sorted(vars()))
    return inner


func(1, 2, 3, k=4)


def closure_locals():
    x = 1
    def inner():
        y = x
        return locals()
    return inner()


print(closure_locals())


class K:
    attr = 1
    print(sorted(locals()))
    print(dir())


print(vars(K)["attr"])
print("func" in dir(), "K" in dir(), dir() == sorted(dir()))


def empty():
    return locals(), dir()


print(empty())
