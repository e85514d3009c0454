# In-memory streams: io.StringIO and io.BytesIO.
import io

s = io.StringIO("héllo\nwörld\nlast")
print(s.read(3), s.tell(), repr(s.readline()), s.readlines())
print(repr(s.read()), s.seek(0), s.read(), s.getvalue())
s.seek(1)
print(s.write("EY"), s.getvalue(), s.tell())
s.seek(0, 2)
s.write("!")
print(s.getvalue(), s.truncate(5), s.getvalue(), s.tell())
s.seek(8)
s.write("x")
print(repr(s.getvalue()))
print(list(io.StringIO("a\nb\nc")))
out = io.StringIO()
print("to", "memory", sep="-", file=out)
print(out.getvalue(), end="")
with io.StringIO() as t:
    t.write("abc")
print(t.closed)
try:
    t.getvalue()
except ValueError as e:
    print(e)
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print(e)
try:
    io.StringIO(5)
except TypeError as e:
    print(e)

b = io.BytesIO(b"0123456789")
print(b.read(3), b.tell(), b.read1(2), b.readline(), b.seek(-2, 2), b.read())
b.seek(2)
b.write(b"AB")
print(b.getvalue(), b.truncate(4), b.getvalue())
b.seek(6)
b.write(b"z")
print(b.getvalue())
print(io.BytesIO(b"x\ny\n").readlines(), list(io.BytesIO(b"p\nq")))
try:
    io.BytesIO().write("x")
except TypeError as e:
    print(e)
print(isinstance(s, io.TextIOBase), isinstance(b, io.BufferedIOBase), isinstance(b, io.IOBase))
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)

# Seeks the in-memory streams refuse.
for stream, args in ((io.StringIO("abc"), (1, 1)), (io.StringIO("abc"), (1, 2)), (io.StringIO("abc"), (-1,)),
                     (io.BytesIO(b"abc"), (-1,))):
    try:
        stream.seek(*args)
    except (OSError, ValueError) as e:
        print(type(stream).__name__, args, type(e).__name__, e)
