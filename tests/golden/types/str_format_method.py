# str.format and str.format_map: the replacement-field grammar (auto and manual numbering,
# keywords, attributes, indexes, conversions, nested specs, escaped braces) and its errors.


class Box:
    def __init__(self):
        self.width = 3
        self.items = [10, 20, 30]
        self.name = "box"

    def __repr__(self):
        return "Box()"

    def __str__(self):
        return "a box"


class Custom:
    def __format__(self, spec):
        return "Custom<" + spec + ">"


b = Box()
d = {"a": 1, "b": "bee", "0": "zero", "nested": {"k": [5, 6]}}


def show(fmt, *args, **kwargs):
    try:
        print(repr(fmt), "->", repr(fmt.format(*args, **kwargs)))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as e:
        print(repr(fmt), "!!", type(e).__name__ + ":", e)


print("-- fields")
show("{} and {}", "spam", "eggs")
show("{1} and {0}, {0}!", "spam", "eggs")
show("{name} is {age}", name="Ann", age=7)
show("{0}-{x}-{1}", 1, 2, x="X")
show("{}{}{}", 1, 2.5, "three")
show("no fields")
show("")
show("{{}} {{{}}} }}{{", 5)
show("héllo {} wörld", "ü")

print("-- attributes and indexes")
show("{0.width} {0.items[1]} {0.name}", b)
show("{.name}", b)
show("{[1]}", [7, 8])
show("{0[a]} {0[0]} {0[nested][k][1]}", d)
show("{0[a]} {0[nested][k][1]}", d)
show("{d[b]}", d=d)
show("{0.items}", b)

print("-- conversions")
show("{0!r} {0!s} {0!a}", "é")
show("{!r}", b)
show("{!s:>8}|", b)
show("{0!r:^9}|", "x")

print("-- specs")
show("{:>8}|{:<8}|{:^8}|", "a", "b", "c")
show("{:08.3f}", 3.14159)
show("{:+,d}", 1234567)
show("{:#x} {:#o} {:#b}", 255, 8, 5)
show("{:.2%}", 0.1234)
show("{:{}}", "a", 5)
show("{:{}.{}f}", 3.14159, 10, 2)
show("{:{w}.{p}}", 3.14159, w=8, p=3)
show("{0:{1}{2}}", "x", "*", "^7")
show("{:}", 5)
show("{}", Custom())
show("{:abc}", Custom())
show("{!r:q}", Custom())

print("-- format_map")
print("{a} {b}".format_map(d))
print("{nested[k][0]}".format_map(d))
for fmt in ["{zz}", "{0}", "{}"]:
    try:
        fmt.format_map(d)
    except (KeyError, ValueError) as e:
        print(type(e).__name__ + ":", e)

print("-- errors")
for fmt in ["{", "}", "a{b", "a}b", "{0", "{0:", "{0!}", "{0!r", "{0!x}", "{0!rx}", "{0.}", "{0[}", "{0[]}",
            "{0[0]x}", "{a{}", "{0:{", "{0:}}", "{:{:{}}}", "{99999999999999999999}", "{0!é}"]:
    show(fmt, [1])
show("{} {1}", 1, 2)
show("{1} {}", 1, 2)
show("{0}{}", 1, 2)
show("{2}", 1, 2)
show("{}{}", 1)
show("{x}")
show("{x}", y=1)
show("{0.nope}", 1)
show("{0[5]}", [1])
show("{0[-1]}", [1])
show("{:d}", "s")
show("{:s}", 1)
show("{:x}", None)
for call in [lambda: "x".format_map(), lambda: "x".format_map(1, 2), lambda: str.format()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
