# Building strings with += and join, then splitting them apart again.


def make_words(n):
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = []
    seed = 12345
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        length = 1 + seed % 8
        w = ""
        for k in range(length):
            w += letters[(seed >> (k * 3)) % 26]
        words.append(w)
    return words


def checksum(s):
    h = 0
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000000007
    return h


words = make_words(120000)
text = " ".join(words)
parts = text.split(" ")
line = ""
for p in parts[:40000]:
    line += p.upper()
    line += ","
pieces = line.split(",")
rebuilt = "-".join(pieces)
print("string_build", len(text), len(parts), len(line), len(pieces), checksum(rebuilt), checksum(text))
