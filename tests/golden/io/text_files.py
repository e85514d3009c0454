# Text files: writing, reading, lines, newline translation, positions, encodings.
import os

base = "/tmp/gilvm-io-text-%d" % os.getpid()
os.mkdir(base)
path = base + "/a.txt"

with open(path, "w") as f:
    print(f.mode, f.encoding, f.closed, f.name == path, f.writable(), f.readable())
    print(f.write("héllo\nworld\r\nthird\rfourth"))
    print("with print", 42, file=f)
    f.writelines(["x\n", "y\n"])
print(f.closed)

with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.read(3)), repr(f.read(4)), repr(f.readline()), f.tell())
    print(repr(f.readline(3)), repr(f.readline()))
    rest = [line for line in f]
    print(rest)
    print(repr(f.read()), repr(f.readline()))
with open(path, newline="") as f:
    print(f.readlines())
with open(path, newline="\n") as f:
    print(f.readlines())
with open(path, newline="\r") as f:
    print(f.readlines())
with open(path) as f:
    print(f.readlines(10))
    f.seek(0)
    print(next(f), end="")
    f.seek(0, 2)
    print(repr(f.read()))

# Writing with a newline argument translates '\n'.
with open(path, "w", newline="\r\n") as f:
    f.write("a\nb\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, "w", newline="\r") as f:
    f.write("a\nb\n")
with open(path, "rb") as f:
    print(f.read())

# Append, and r+.
with open(path, "w") as f:
    f.write("one\n")
with open(path, "a") as f:
    print(f.tell())
    f.write("two\n")
    print(f.tell())
with open(path, "r+") as f:
    print(repr(f.readline()))
    f.write("TWO\n")
    f.seek(0)
    print(repr(f.read()))
    print(f.truncate(4), f.seek(0), repr(f.read()))

# Encodings.
with open(path, "w", encoding="latin-1") as f:
    print(f.encoding, f.write("café ñ"))
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="latin-1") as f:
    print(f.read())
with open(path, encoding="utf-8", errors="replace") as f:
    print(f.read())
try:
    with open(path, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    with open(path, "w", encoding="ascii") as f:
        f.write("naïve")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)

# Long content crosses the buffer size and multi-byte characters straddle its edges.
text = "".join(["line %d: %s\n" % (i, "é€😀" * (i % 7)) for i in range(3000)])
with open(path, "w") as f:
    f.write(text)
with open(path) as f:
    print(f.read() == text)
with open(path) as f:
    count = 0
    for line in f:
        count += 1
    print(count)
with open(path) as f:
    chunks = []
    while True:
        c = f.read(777)
        if not c:
            break
        chunks.append(c)
    print("".join(chunks) == text, len(chunks))

# Files never closed are flushed before the next open() of any file.
open(path, "w").write("left open")
print(open(path).read())

os.remove(path)
os.rmdir(base)
print(os.path.exists(base))
