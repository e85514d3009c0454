# printf-style formatting, str % args: every conversion type, the flags, width and
# precision (including *), %(key) mappings, single arguments, and CPython's errors.


class Num:
    def __index__(self):
        return 7


class Real:
    def __float__(self):
        return 2.5


class Thing:
    def __str__(self):
        return "thing"

    def __repr__(self):
        return "Thing()"


def show(fmt, args):
    try:
        print(repr(fmt), "->", repr(fmt % args))
    except (ValueError, TypeError, KeyError, OverflowError) as e:
        print(repr(fmt), "!!", type(e).__name__ + ":", e)


print("-- strings")
show("%s", "a")
show("%s|%r|%a", ("é", "é", "é"))
show("%5s|%-5s|%.2s|%5.1s|", ("ab", "cd", "xyz", "xyz"))
show("%s %s", (Thing(), [1, "x"]))
show("%r", Thing())
show("%.2r", "abc")
show("%s", (1,))
show("%s", [1, 2])
show("%s", {"a": 1})
show("é%sü", "ö")
show("100%% %s%%", 5)

print("-- integers")
show("%d %i %u", (1, -2, 3))
show("%5d|%-5d|%05d|%+d|% d|%+05d|% 05d", (1, 2, 3, 4, 5, 6, 7))
show("%x %X %o", (255, 255, 8))
show("%#x %#X %#o", (255, 255, 8))
show("%#08x|%-#8x|%#8x|", (255, 255, -255))
show("%.5d|%08.3d|%.5x|%#.5o", (42, -5, 255, 8))
show("%d", 3.99)
show("%d", -3.99)
show("%d %s %f", (True, True, True))
show("%d|%x", (Num(), Num()))
show("%d", 9223372036854775807)
show("%x", -9223372036854775807 - 1)

print("-- floats")
show("%f|%e|%g|%E|%G|%F", (1.5, 1.5, 1.5, 1.5, 1.5, 1.5))
show("%.0f %.0f %.0f %#.0f", (0.5, 1.5, 2.5, 2.0))
show("%10.3f|%-10.3f|%010.3f|%+.3f|% f", (-3.14159, 3.14159, -3.14159, 0.0, 1.0))
show("%g %g %g %#g %.3g", (1e-5, 123456789.0, 1e16, 1.0, 0.0001234))
show("%.2E %e", (0.000123, 12345.678))
show("%f %05f %F %+f", (float("inf"), float("-inf"), float("nan"), float("nan")))
show("%f", Real())
show("%f", Num())
show("%.1f%%", 99.95)
show("%f", 5)

print("-- characters")
show("%c%c", ("x", 233))
show("%5c|%-5c|", ("a", "b"))
show("%c", Num())

print("-- width and precision from arguments")
show("%*d|%-*d|", (4, 1, 4, 2))
show("%*d|", (-4, 1))
show("%.*f|%.*f", (2, 3.14159, -2, 3.14159))
show("%*.*f|", (8, 2, 3.14159))
show("%ld %hd %Lf", (1, 2, 3.0))

print("-- mappings")
d = {"a": 1, "b": "bee", "k": [1, 2]}
show("%(a)s %(b)s %(k)s", d)
show("%(a)05d|%(a)x|%(b)-5s|", d)
show("%((x))s", {"(x)": "paren"})
show("%s", d)
show("no fields", d)
show("no fields", [])

print("-- errors")
show("%s %s", "a")
show("%s", ())
show("%s", (1, 2))
show("", 5)
show("abc", "x")
show("%d", "5")
show("%d", None)
show("%x", 1.5)
show("%o", "1")
show("%f", "1")
show("%d", Real())
show("%c", "ab")
show("%c", -1)
show("%c", 0x110000)
show("%c", 2.0)
show("%z", 1)
show("%s é %z", (1, 2))
show("%é", 1)
show("%", ())
show("abc%", ())
show("%-", 1)
show("%5", 1)
show("%.", 1)
show("%5%", ())
show("%(a)s", ("x",))
show("%(a", d)
show("%(a)", d)
show("%(zz)s", d)
show("%(a)s %s", d)
show("%*s", ("x", 1))
show("%.*s", (1.5, "x"))
show("%d", float("inf"))
show("%d", float("nan"))
show("%.3000000000f", 1.0)
show("%99999999999999999999d", 1)
try:
    5 % "x"
except TypeError as e:
    print("TypeError:", e)
print("a".__rmod__(5))
