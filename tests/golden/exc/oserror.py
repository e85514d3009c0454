# OSError's constructor picks a subclass from the errno, keeps errno/strerror/filename as
# attributes, and formats them in str().
e = OSError(2, "No such file or directory", "missing.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2)
print(e.args)
print(str(e))
print(repr(e))
print(isinstance(e, OSError), isinstance(e, FileNotFoundError))

for err in (1, 2, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 3, 99):
    print(err, type(OSError(err, "msg")).__name__)

e = OSError(17, "File exists", "a", None, "b")
print(type(e).__name__, str(e), e.args, e.filename2)

print(str(OSError("plain message")), OSError("plain").errno)
print(str(OSError()), OSError().args)
print(str(OSError(1, "two", "three", "four", "five", "six")))
print(OSError("a", "b").errno, OSError("a", "b").strerror, str(OSError("a", "b")))

# A subclass is not remapped.
class MyError(OSError):
    pass

e = MyError(2, "gone")
print(type(e).__name__, e.errno, str(e))
print(type(FileExistsError(2, "x")).__name__)

e.errno = 5
print(e.errno, str(e))

try:
    raise FileNotFoundError(2, "No such file or directory", "x.txt")
except OSError as exc:
    print("caught", type(exc).__name__, exc)

print(IOError is OSError, EnvironmentError is OSError)
raise PermissionError(13, "Permission denied", "/root/secret")
