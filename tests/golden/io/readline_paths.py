# Reading a text file line by line, in every newline mode, through the paths a line can take:
# a short line that is already buffered, a '\r' or '\r\n' that needs translating (one '\r\n'
# split across the 8 KiB read buffer's edge: its '\r' is byte 81919 of the file), a line longer
# than the read buffer, non-ASCII text, a codec other than UTF-8, a last line without an end,
# and readline() mixed with read() and readline(size).
import os
import tempfile

LONG = "x" * 70000 + "\n"
TEXT = ("alpha\nbeta\r\ngamma\rdelta\n" + LONG + "caf\u00e9 \u20ac \U0001F600\n" + "\r\n" * 3 + "a\rb\r\n"
        + "y" * 11868 + "\r\n" + "z" * 8191 + "\r" + "\n" + "tail without end")

fd, path = tempfile.mkstemp()
os.close(fd)
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write(TEXT)


def short(lines):
    return [line if len(line) < 40 else "%s...(%d chars)" % (line[:10], len(line)) for line in lines]


for newline in (None, "", "\n", "\r", "\r\n"):
    with open(path, encoding="utf-8", newline=newline) as f:
        lines = list(f)
    print(repr(newline), len(lines), short(lines))
    with open(path, encoding="utf-8", newline=newline) as f:
        mixed = [f.readline(), f.read(3), f.readline(), f.readline(4), f.readline(), f.readline()]
    print(repr(newline), short(mixed))

with open(path, "w", encoding="latin-1") as f:
    f.write("na\u00efve\nr\u00e9sum\u00e9\n\u00ff\n")
with open(path, encoding="latin-1") as f:
    print(list(f))
with open(path, encoding="utf-8", errors="replace") as f:
    print(list(f))
with open(path, encoding="utf-8") as f:
    try:
        print(f.readline())
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e.reason)
os.remove(path)
