# s[i], `x in s` and comparisons of strs take shortcuts in the eval loop and in GetItem and
# Contains; each must still behave as str's own methods do, and step aside for subclasses.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


ascii_text = "hello, world"
wide = "caf\u00e9 \u2603 \U0001f600!"
for s in (ascii_text, wide):
    print([s[i] for i in range(len(s))])
    print(s[0], s[-1], s[len(s) // 2], s[-len(s)])
    attempt("past the end", lambda: s[len(s)])
    attempt("before the start", lambda: s[-len(s) - 1])
print(ascii_text[0] is ascii_text[3 - 3], wide[1] is wide[1])
print(ascii_text[True], ascii_text[False])
attempt("float index", lambda: ascii_text[1.0])
attempt("str index", lambda: ascii_text["1"])
attempt("None index", lambda: ascii_text[None])
attempt("huge index", lambda: ascii_text[2 ** 70])


class Index:
    def __index__(self):
        return 4


print(ascii_text[Index()], ascii_text[1:5], ascii_text[::3], wide[2:6], wide[::-2])
print("" in "", "" in "abc", "a" in "abc", "bc" in "abc", "ac" in "abc", "\u2603" in wide)
attempt("int in str", lambda: 1 in "abc")
attempt("None not in str", lambda: None not in "abc")
attempt("bytes in str", lambda: b"a" in "abc")

pairs = [("a", "b"), ("b", "a"), ("a", "a"), ("", "a"), ("ab", "a"), ("\u00e9", "z"),
         ("\U0001f600", "\u2603"), ("abc", "abd")]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)
for a, b in (("a", 1), ("a", None), ("1", 1.0)):
    print(a == b, a != b)
    attempt("order", lambda: a < b)


class Loud(str):
    def __getitem__(self, i):
        return "item %r" % (i,)

    def __contains__(self, x):
        print("contains", x)
        return True

    def __lt__(self, other):
        return "lt"

    def __eq__(self, other):
        return "eq"

    __hash__ = str.__hash__


loud = Loud("abc")
print(loud[0], loud[-1], loud[1:2], "zz" in loud, 5 in loud)
print(loud < "b", loud == "abc", "abc" == loud, "b" > loud)
plain = str.__new__(str, "xyz")
print(plain[1], "y" in plain, plain < "xz")


class Sub(str):
    pass


sub = Sub("sub")
print(sub[0], type(sub[0]).__name__, "u" in sub, sub < "t", sub == "sub")


# str % args: a str subclass's __rmod__ goes first; anything else's does not.
class RMod(str):
    def __rmod__(self, other):
        return "RMod.__rmod__ " + other


class Other:
    def __rmod__(self, other):
        return "never"

    def __repr__(self):
        return "Other()"


print("a%sb" % RMod("x"), "%d-%s" % (1, "x"), "%(k)s" % {"k": 5}, "%s" % Other(), "%r" % (Other(),))
attempt("%d of a str", lambda: "%d" % "x")
attempt("too few", lambda: "%s %s" % (1,))
attempt("too many", lambda: "%s" % (1, 2))
