# How files fail: bad arguments, missing files, closed files, operations a mode forbids.
import io
import os

base = "/tmp/gilvm-io-errors-%d" % os.getpid()
os.mkdir(base)
path = base + "/e.txt"
with open(path, "w") as f:
    f.write("data\n")

def attempt(what, fn):
    try:
        result = fn()
    except Exception as e:
        print(what, "->", type(e).__name__ + ":", str(e).replace(base, "BASE"))
    else:
        print(what, "->", repr(result))

attempt("missing", lambda: open(base + "/missing.txt"))
attempt("directory", lambda: open(base))
attempt("bad mode", lambda: open(path, "rw"))
attempt("bad mode char", lambda: open(path, "q"))
attempt("repeated", lambda: open(path, "rr"))
attempt("text+binary", lambda: open(path, "rtb"))
attempt("binary encoding", lambda: open(path, "rb", encoding="utf-8"))
attempt("binary errors", lambda: open(path, "rb", errors="strict"))
attempt("binary newline", lambda: open(path, "rb", newline=""))
attempt("unbuffered text", lambda: open(path, "r", buffering=0))
attempt("newline value", lambda: open(path, newline="x"))
attempt("newline type", lambda: open(path, newline=1))
attempt("encoding type", lambda: open(path, encoding=1))
attempt("mode type", lambda: open(path, 1))
attempt("file type", lambda: open(1.5))
attempt("file None", lambda: open(None))
attempt("closefd with name", lambda: open(path, closefd=False))

f = open(path)
attempt("write to reader", lambda: f.write("x"))
attempt("truncate reader", lambda: f.truncate())
attempt("write bytes", lambda: open(path, "a").write(b"x"))
attempt("write str to binary", lambda: open(path, "ab").write("x"))
attempt("read writer", lambda: open(path, "a").read())
attempt("read binary writer", lambda: open(path, "ab").read())
attempt("text seek cur", lambda: f.seek(1, 1))
attempt("text seek end", lambda: f.seek(-1, 2))
attempt("whence", lambda: f.seek(0, 3))
attempt("read size type", lambda: f.read("1"))
f.close()
print(f.closed)
f.close()
for name in ("read", "readline", "readlines", "write", "seek", "tell", "flush", "fileno", "readable", "isatty", "__iter__", "__next__", "__enter__"):
    args = ("x",) if name == "write" else (0,) if name == "seek" else ()
    attempt("closed text " + name, lambda: getattr(f, name)(*args))
b = open(path, "rb")
b.close()
for name in ("read", "read1", "readline", "peek", "seek", "tell", "flush", "fileno", "__next__"):
    args = (0,) if name == "seek" else ()
    attempt("closed binary " + name, lambda: getattr(b, name)(*args))
w = open(path, "ab")
w.close()
attempt("closed writer write", lambda: w.write(b"x"))
attempt("closed writer flush", lambda: w.flush())

e = io.UnsupportedOperation("not readable")
print(isinstance(e, OSError), isinstance(e, ValueError), io.UnsupportedOperation.__mro__)
try:
    open(path).write("x")
except ValueError as e:
    print("caught as ValueError:", e)

os.remove(path)
os.rmdir(base)
open("/nonexistent-gilvm-dir/gone.txt")
