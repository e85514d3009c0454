# format() and the format-spec mini-language on int, bool, float, str and other objects:
# fill/align, sign, z, #, 0, width, grouping, precision and every presentation type, plus
# CPython's error messages for specs that make no sense.


def show(value, spec):
    try:
        print(repr(value), repr(spec), "->", repr(format(value, spec)))
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(value), repr(spec), "!!", type(e).__name__ + ":", e)


print("-- int")
for spec in ["", "d", "5", "<5", "^5", ">5", "=5", "*^7", "05", "+", " ", "-", "+05", "b", "#b", "o", "#o",
             "x", "#x", "X", "#X", "#010x", "c", "n", ",", "_", "_b", "_x", "015,", "012_", "e", ".2f", "%", "g"]:
    show(42, spec)
    show(-1234567, spec)
for v in [0, 255, 9223372036854775807, -9223372036854775807 - 1]:
    show(v, "#x")
    show(v, ",")
show(0x1F600, "c")
show(233, "^5c")

print("-- bool")
for spec in ["", "d", ">6", "x", "s", "f"]:
    show(True, spec)
    show(False, spec)

print("-- float")
for v in [0.0, -0.0, 1.5, 2.5, -2.5, 0.125, 123.456, 1e16, 1e-5, 1.7976931348623157e308, 5e-324, 1 / 3]:
    for spec in ["", "e", "E", "f", "F", "g", "G", "%", ".0f", ".2f", ".3e", ".4g", ".3", "10.2f", "<10.1f",
                 "^12.3e", "=+10.2f", "010.3f", ",.2f", "_.1f", "#.0f", "#g", "z.2f", ".17g", "n"]:
        show(v, spec)
for v in [float("inf"), float("-inf"), float("nan")]:
    for spec in ["", "f", "E", "+g", "010", "z.1f", "^9"]:
        show(v, spec)
show(1234567.891, ",.3f")
show(1234567.891, "_g")
show(0.5, ".0f")
show(1.5, ".0f")
show(99.995, ".2f")
show(-0.0001, ".2f")
show(-0.0001, "z.2f")
show(1e20, "#")
show(2.0, ".1000f")

print("-- str")
for spec in ["", "s", "10", "<10", ">10", "^10", "*^10", ".2", "8.3", "é>6", "^"]:
    show("héllo", spec)
show("", ">3")

print("-- other objects")


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __str__(self):
        return "(%d, %d)" % (self.x, self.y)

    def __repr__(self):
        return "Point"

    def __format__(self, spec):
        if spec == "":
            return str(self)
        return "(" + format(self.x, spec) + ", " + format(self.y, spec) + ")"


class Plain:
    def __str__(self):
        return "plain"

    def __repr__(self):
        return "Plain"


class BadFormat:
    def __format__(self, spec):
        return 42

    def __repr__(self):
        return "BadFormat"


show(Point(1, 2), "")
show(Point(1, 2), ">4")
show(Plain(), "")
show(Plain(), ">9")
show(None, "")
show(None, "^9")
show([1, 2], "")
show([1, 2], "x")
show(BadFormat(), "")
print(format(7), format(2.5), format("s"), format(None))
print(type(format(Plain())).__name__)

print("-- errors")
for value, spec in [(1.5, "d"), (1.5, "x"), (1.5, "c"), ("s", "d"), ("s", "+"), ("s", " "), ("s", "z"),
                    ("s", "#"), ("s", ","), ("s", "="), ("s", "10=s"), (1, "abc"), (1, ".2"), (1, "z"),
                    (1, "."), (1, ",_"), (1, "_,"), (1, ",b"), (1, "_c"), (1, ",n"), (1, "+c"), (1, "#c"),
                    (-1, "c"), (0x110000, "c"), (1, "é"), (1, "99999999999999999999"), (1.0, ".2147483648f"),
                    (1.0, "._f")]:
    show(value, spec)
for call in [lambda: format(), lambda: format(1, 2), lambda: format(1, "", 3), lambda: format(1, format_spec="x"),
             lambda: (1).__format__(), lambda: (1).__format__(5), lambda: "a".__format__("", ""),
             lambda: object().__format__("x")]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
try:
    format(1, "999999999999")
except MemoryError:
    print("MemoryError")
print(bool.__format__ is int.__format__)
print(int.__format__(5, "03"), float.__format__(0.25, "%"), str.__format__("ab", "^6"), object.__format__(3, ""))
