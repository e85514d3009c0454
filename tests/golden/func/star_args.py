# *args, **kwargs, keyword-only and positional-only parameters, unpacking in calls and displays.
def f(a, *args, b=2, **kwargs):
    print(a, args, b, sorted(kwargs.items()))


f(1)
f(1, 2, 3)
f(1, b=5, z=9, y=8)
f(*[1, 2], **{"b": 3, "c": 4})


def g(x, y, /, z, *, w):
    return x + y + z + w


print(g(1, 2, 3, w=4), g(1, 2, z=3, w=4))

for bad in ["g(1, 2, 3)", "g(x=1, y=2, z=3, w=4)", "g(1)", "f()", "f(1, b=1, **{'b': 2})"]:
    try:
        eval_result = None
        if bad == "g(1, 2, 3)":
            g(1, 2, 3)
        elif bad == "g(x=1, y=2, z=3, w=4)":
            g(x=1, y=2, z=3, w=4)
        elif bad == "g(1)":
            g(1)
        elif bad == "f()":
            f()
        else:
            f(1, b=1, **{"c": 2, "b": 2})
    except TypeError as e:
        print("TypeError:", e)

args = (1, 2)
print([*args, *range(3), 9], (*args,), {**{"a": 1}, "b": 2, **{"a": 3}})
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
a, *mid, b = range(5)
print(first, rest, init, last, a, mid, b)


def h(*, key):
    return key


try:
    h(1)
except TypeError as e:
    print("TypeError:", e)


def many(a, b, c, d=4):
    return a + b + c + d


try:
    many(1)
except TypeError as e:
    print("TypeError:", e)
try:
    many(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError:", e)
