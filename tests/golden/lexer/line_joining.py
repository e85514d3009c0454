# Implicit joining inside brackets, explicit joining with backslash.
total = (1 +
         2 +
         3)
print(total)
items = [
    "a",
    "b",   # comment inside a list
    "c",
]
print(items)
d = {
    "one": 1,
    "two": 2,
}
print(d)
s = 1 + \
    2 + \
    3
print(s)
if s == 6 and \
   total == 6:
    print("both six")
def add(a,
        b,
        c=10):
    return a + b + c
print(add(1,
          2))
print(add(
    1, 2, 3
))
t = (
    1,
    2
)
print(t)
print("abc"
      "def")
x = [1, 2,
3, 4]
print(x)
