# Literal, singleton, capture, wildcard, value and or-patterns, with guards.
import math


def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case "hello" | "hi":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "nothing"
        case True:
            return "true"
        case False:
            return "false"
        case math.pi:
            return "pi"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case n if isinstance(n, int) and n > 100:
            return f"big {n}"
        case other:
            return f"other {other!r}"


for value in [0, 1, 3, -1, 2.5, "hi", b"raw", None, True, False, 1.0, 0.0, math.pi, "longer text", 500, 50, "x", []]:
    print(repr(value), "->", describe(value))


def last_wildcard(x):
    match x:
        case 1:
            return "one"
        case _:
            return "anything"


print(last_wildcard(1), last_wildcard(2))

# A failed case binds nothing; a guard sees the captures.
match (1, 2):
    case (a, 3):
        print("no")
    case (first, second) if first > second:
        print("no either")
    case (first, second):
        print("bound", first, second)
try:
    a
except NameError as e:
    print("NameError:", e)

# The subject is evaluated once.
calls = []
def subject():
    calls.append(1)
    return 42
match subject():
    case 1:
        pass
    case 2:
        pass
    case 42:
        print("forty-two after", len(calls), "call")

# match and case stay usable as names.
match = 3
case = 4
print(match + case)
match = [1, 2]
print(match[0])
