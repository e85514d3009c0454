# f-strings: plain fields, format specs, nested specs, conversions, the = specifier, and
# objects with their own __format__.
name = "world"
width = 10
precision = 3
pi = 3.14159265
n = 255
items = [1, 2, 3]
print(f"hello {name}!")
print(f"{name!r} {name!s} {name!a} {'héllo'!a}")
print(f"[{name:>{width}}] [{name:<{width}}] [{name:^{width}}] [{name:*^{width}}]")
print(f"{pi:.{precision}f} {pi:{width}.{precision}} {pi:e} {pi:g} {pi:%}")
print(f"{n:#x} {n:#o} {n:#b} {n:08b} {n:,} {1234567:_} {-n:+}")
print(f"{n=} {pi = :.2f} {name=!s} {items=} {n + 1=}")
print(f"{'nested'!r:>{width}}|{items[0]:0{precision}d}|{len(items):{'*'}>{4}}")
print(f"{{literal braces}} {{{n}}}")
print(f"{3.5=:>8}|{True:d}|{None!r}|{None}")
print(f"{'a' 'b'}" f"{1}" "c")
print(f"""{name
!r}""")


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        text = "$%d.%02d" % (self.cents // 100, self.cents % 100)
        return format(text, spec)

    def __repr__(self):
        return "Money(%d)" % self.cents


m = Money(12345)
print(f"{m} [{m:>10}] {m!r} {m=}")
for bad in ["d", "z"]:
    try:
        print(f"{name:{bad}}")
    except ValueError as e:
        print("ValueError:", e)
try:
    print(f"{None:>5}")
except TypeError as e:
    print("TypeError:", e)
