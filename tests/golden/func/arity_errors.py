# TypeError messages for bad calls.
def zero():
    return 0
def one(a):
    return a
def two(a, b):
    return a + b
def opt(a, b=1, c=2):
    return a
tests = [
    lambda: zero(1),
    lambda: one(),
    lambda: one(1, 2),
    lambda: two(1),
    lambda: two(),
    lambda: opt(),
    lambda: opt(1, 2, 3, 4),
    lambda: two(1, 2, b=3),
    lambda: one(x=1),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
five = 5
try:
    five()
except TypeError as e:
    print(e)
text = "abc"
try:
    text(1)
except TypeError as e:
    print(e)
nothing = None
try:
    nothing()
except TypeError as e:
    print(e)
