# TextIOWrapper.newlines: the kinds of line ending read so far (universal-newlines modes).
import os

path = "/tmp/gilvm-io-newlines-%d.txt" % os.getpid()
cases = [b"", b"no ending", b"a\nb\n", b"a\r\nb\r\n", b"a\rb\r", b"a\nb\r\nc\rd", b"x\r", b"x\r\n"]
for data in cases:
    with open(path, "wb") as f:
        f.write(data)
    for newline in (None, "", "\n"):
        with open(path, newline=newline) as f:
            before = f.newlines
            first = f.readline()
            after_line = f.newlines
            f.read()
            print(repr(data), repr(newline), before, repr(first), repr(after_line), repr(f.newlines))

# Line endings split across the 8 KiB chunks the reader takes.
with open(path, "wb") as f:
    f.write(b"x" * 8191 + b"\r\n" + b"y" * 8190 + b"\r")
with open(path) as f:
    f.read()
    print(repr(f.newlines))
os.remove(path)
