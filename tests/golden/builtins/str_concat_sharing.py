# Strings built with + and += share buffers inside gilvm (vm/str.h, StrBufferObject); every
# string must still keep its own text, whatever is appended to the others.

base = "x" * 70
a = base + "a"
b = base + "b"          # the same prefix, appended again: must not see 'a'
print(a[-3:], b[-3:], len(a), len(b))
c = a + "1"
d = a + "2"             # a is no longer the end of its buffer: d copies
e = c + "3"
print(c[-4:], d[-4:], e[-5:], a[-2:])

# A loop of += and the prefixes kept along the way.
s = ""
kept = []
for i in range(300):
    s += str(i % 10)
    if i % 50 == 0:
        kept.append(s)
print(len(s), s[:12], s[-12:])
print([len(k) for k in kept], [k[-3:] for k in kept])
print(all(s.startswith(k) for k in kept))

# Appending a string to itself.
t = "ab" * 40
t += t
t += t
print(len(t), t.count("ab"), t[:6], t[-6:])

# Non-ASCII pieces: lengths, indexing and slices count code points.
u = "é" * 40
u += "ß€"
u += "𝄞" * 3
print(len(u), u[38:], u[-1] == "𝄞", u.index("€"))

# Equal text hashes and compares equal, whatever buffer it lives in.
p = "k" * 80
q = p + "end"
r = "k" * 80 + "e" + "nd"
m = {q: 1}
print(q == r, hash(q) == hash(r), m[r], q is r)
w = p + "xyz"
print(q, w[-3:])

# Slices and methods see only the string's own bytes.
g = "-" * 64
h = g + "tail"
h2 = g + "TAIL"
print(h.upper()[-4:], h2.lower()[-4:], h.split("t"), h2.find("T"), h.endswith("tail"), h2.endswith("tail"))
print(repr(h[60:]), repr(h2[60:]), (h + "!").count("-"))
