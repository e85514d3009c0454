# Binary files: bytes in and out, buffering modes, seeking, truncation.
import os

base = "/tmp/gilvm-io-binary-%d" % os.getpid()
os.mkdir(base)
path = base + "/b.bin"

with open(path, "wb") as f:
    print(type(f).__name__, f.mode, f.write(b"\x00\x01abc\n"), f.write(bytearray(b"line2\nend")), f.tell())
with open(path, "rb") as f:
    print(type(f).__name__, f.mode, f.read(2), f.tell(), f.readline(), f.read1(3), f.peek()[:2])
    print(f.readlines(), f.read(), f.read(5))
with open(path, "rb") as f:
    print(list(f))
with open(path, "r+b") as f:
    print(type(f).__name__, f.mode)
    f.seek(2)
    f.write(b"ZZ")
    print(f.seek(-3, 2), f.read(), f.seek(0), f.read(4))
    print(f.truncate(6), f.tell(), f.seek(0, 1))
with open(path, "ab") as f:
    print(f.mode, f.tell(), f.write(b"+tail"), f.tell())
with open(path, "rb") as f:
    print(f.read())
with open(path, "w+b") as f:
    print(f.mode, f.read(), f.write(b"fresh"), f.seek(0), f.read())

with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.closefd, f.read(2), f.readall())
raw = open(path, "wb", buffering=0)
print(raw.write(b"abc"), raw.seekable(), raw.isatty())
raw.close()
print(raw.closed, open(path, "rb").read())

with open(path, "xb" if False else "wb") as f:
    f.write(bytes(range(256)) * 100)
with open(path, "rb") as f:
    data = f.read()
    print(len(data), data[255], data[256], f.read())
with open(path, "rb") as f:
    total = 0
    while True:
        chunk = f.read(1000)
        if not chunk:
            break
        total += len(chunk)
    print(total)

try:
    open(path, "xb")
except FileExistsError as e:
    print(type(e).__name__, e.errno)
os.remove(path)
with open(path, "xb") as f:
    print(f.mode)
os.remove(path)
os.rmdir(base)

# Closing a binary file closes its descriptor: the reader of a pipe sees the end.
r, w = os.pipe()
with open(w, "wb") as f:
    f.write(b"through the pipe")
with open(r, "rb") as f:
    print(f.read())

# An empty write leaves nothing to flush: the next open() does not wait on it.
base2 = "/tmp/gilvm-io-binary2-%d" % os.getpid()
os.mkdir(base2)
empty = open(base2 + "/empty.bin", "wb")
print(empty.write(b""))
print(open(base2 + "/empty.bin", "rb").read())
empty.close()
os.remove(base2 + "/empty.bin")
os.rmdir(base2)
