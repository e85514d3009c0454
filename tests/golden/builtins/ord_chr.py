# ord and chr.
print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("~"))
print(chr(97), chr(65), chr(48), repr(chr(10)), chr(126))
print(ord("é"), ord("中"), ord("🐍"))
print(chr(233), chr(20013), chr(128013))
s = ""
for c in "Hello":
    s += chr(ord(c) + 1)
print(s)
print(chr(ord("a") + 25))
def caesar(text, k):
    out = ""
    for ch in text:
        if "a" <= ch <= "z":
            out += chr((ord(ch) - ord("a") + k) % 26 + ord("a"))
        else:
            out += ch
    return out
print(caesar("hello, world", 3), caesar(caesar("hello, world", 3), -3))
try:
    ord("ab")
except TypeError as e:
    print(e)
try:
    ord("")
except TypeError as e:
    print(e)
