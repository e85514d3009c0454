# Keyword argument binding.
def describe(name, age, city="nowhere"):
    print(name, "is", age, "from", city)
describe("Ann", 30)
describe(age=25, name="Bob")
describe("Cy", city="Oslo", age=40)
def f(a, b):
    return a - b
print(f(b=1, a=10), f(10, b=1))
def options(x, verbose=False, sep=","):
    if verbose:
        print("verbose mode")
    return sep.join(x)
print(options(["a", "b"]))
print(options(["a", "b"], verbose=True, sep="|"))
print(sorted([5, 2, 8], reverse=True))
print(int("ff", 16), int("777", base=8))
def kw_err(a, b=2):
    return a + b
try:
    kw_err(1, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    kw_err(1, a=3)
except TypeError as e:
    print("TypeError:", e)
try:
    kw_err()
except TypeError as e:
    print("TypeError:", e)
try:
    kw_err(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
