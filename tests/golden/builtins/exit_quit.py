# exit and quit describe themselves; calling one raises SystemExit with its argument.
print(exit)
print(repr(quit))
print(type(exit).__name__)
for f in (exit, quit):
    for arg in ((), (0,), (5,), ("message",), (None,)):
        try:
            f(*arg)
        except SystemExit as e:
            print(f, arg, repr(e.code))
print(ascii("plain"), ascii("é ☺ \n"), ascii(["ü", 1]), ascii(b"x"))
quit("bye")
