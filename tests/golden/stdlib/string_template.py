# Template's hand-written scanner on tricky placeholders, line/column of invalid ones,
# mappings that are not dicts, and keywords overriding the mapping.
import string
T = string.Template
cases = ["$$$$", "${a}${b}", "$a$b", "$\u00e9", "${a", "\n$", "a\r\n$ ", "x\n\ny$1", "$a_", "${_}", "${a}}", "$$a", "$", "$a.b", "${a-b}", "\u00e9\n\u00e9$!"]
for c in cases:
    t = T(c)
    try:
        r = t.substitute(a="A", b="B", _="U", a_="AU")
    except (ValueError, KeyError) as e:
        r = type(e).__name__ + ": " + str(e)
    print(repr(c), repr(r), repr(t.safe_substitute(a="A")), t.is_valid(), t.get_identifiers())
class Mapping:
    def __getitem__(self, k):
        if k == "x":
            return 42
        raise KeyError(k)
print(T("$x $y").safe_substitute(Mapping()), T("$x").substitute(Mapping()))
try:
    T("$x $y").substitute(Mapping())
except KeyError as e:
    print("KeyError:", e)
print(T("$x").substitute({"x": 1}, x=2), T("$x $y").substitute({"x": 1}, y=[2]))
print(string.Template.delimiter, string.Template.idpattern, string.Template.braceidpattern)
print(T("$x").template, string.capwords("a\tb\nc  d"), string.capwords("x,y", ","))
