# string constants, capwords and Template.
import string

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits",
             "octdigits", "punctuation", "whitespace", "printable"]:
    print(name, repr(getattr(string, name)), len(getattr(string, name)))

print(string.capwords("hello   wide\tworld  "))
print(string.capwords("hello-big-WORLD", "-"))
print(string.capwords("  a  b  ", " "))
print(repr(string.capwords("")), string.capwords("ÉCOLE été"))

T = string.Template
t = T("$who likes $what, ${who}s pay $$5; $ 1")
print(t.template)
try:
    print(t.substitute(who="tim", what="kung pao"))
except ValueError as e:
    print("ValueError:", e)
print(t.safe_substitute(who="tim"))
print(T("$who likes $what").substitute({"who": "ann", "what": 3}))
print(T("$who likes $what").substitute({"who": "ann", "what": 3}, what="tea"))
print(T("${a}b$a_b $a1 $_x").substitute(a="A", a_b="AB", a1="A1", _x="X"))
print(T("$$ $$$a $").safe_substitute(a=1))
print(T("${ a} ${a b} ${} ${9}").safe_substitute(a=1))
print(T("price: 5$").safe_substitute())
print(T("no placeholders").substitute())
try:
    T("$who and $missing").substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
try:
    T("line one\nline $two\n  $3").substitute(two=2)
except ValueError as e:
    print("ValueError:", e)
try:
    T("$").substitute()
except ValueError as e:
    print("ValueError:", e)
try:
    T("ok ${bad").substitute()
except ValueError as e:
    print("ValueError:", e)
print(T("$a $b ${a} $$c $").get_identifiers())
print(T("$a ${b}").is_valid(), T("$a ${b").is_valid(), T("$").is_valid())
try:
    T("$a $").get_identifiers()
except ValueError as e:
    print("ValueError:", e)

class Percent(string.Template):
    delimiter = "%"
print(Percent("%who costs %%%amount").substitute(who="tea", amount=3))
class Long(string.Template):
    delimiter = "@@"
print(Long("@@x and @@@@ and @@{y}").substitute(x=1, y=2))
