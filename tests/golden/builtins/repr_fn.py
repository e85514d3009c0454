# repr of builtin values.
print(repr(1), repr(-1), repr(1.0), repr(1.5e300), repr(-2.5e-8))
print(repr("it's"), repr('say "x"'), repr("both ' \""), repr("\n\t\\"), repr("\x01\x1f"))
print(repr("é日"), repr("\u200b"))
print(repr(None), repr(True), repr(False))
print(repr([1, "a", None]), repr((1,)), repr(()), repr({"k": [1]}))
print(repr([[], [[]]]), repr({1: {2: {}}}))
print(repr(range(5)), repr(range(1, 5)), repr(range(0, 10, 2)), repr(range(5, 0, -1)))
print(repr(len), repr(print))
class C:
    def __repr__(self):
        return "C()"
print(repr(C()), repr([C(), C()]))
print(repr(int), repr(str), repr(ValueError))
print(repr(ValueError("m")), repr(KeyError("k")))
l = [1]
l.append(l)
print(repr(l))
d = {}
d["self"] = d
print(d)
