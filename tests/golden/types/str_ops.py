# String concatenation, repetition, comparison, iteration, immutability.
a = "foo"
b = "bar"
print(a + b, a * 3, 3 * b, a * 0, a * -1, repr("" * 5))
s = ""
for i in range(5):
    s = s + str(i)
print(s)
print("abc" < "abd", "Z" < "a", "abc" == "abc", "a" != "A")
print(len("hello" * 100))
for ch in "héllo":
    print(ch, end=".")
print()
try:
    a[0] = "F"
except TypeError as e:
    print(e)
print(a[0].upper() + a[1:])
print("-" * 20)
print("ab" * 2 + "c")
print(str(5) + "5", int("5") + 5)
print(max("hello"), min("hello"), sorted("hello"))
print(list("abc"), tuple("ab"))
