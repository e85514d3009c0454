# int and float expose the numeric tower's attributes; bool answers with plain ints.
for v in (0, 7, -12, True, False):
    print(repr(v), repr(v.real), repr(v.imag), repr(v.numerator), repr(v.denominator), type(v.real).__name__)
for v in (0.0, -0.0, 2.5, -1e300, float("inf")):
    print(repr(v), repr(v.real), repr(v.imag))
print((3).conjugate(), (2.5).conjugate())

# float.fromhex accepts what float.hex writes, and the shorter forms.
for text in ["0x1.8p1", "-0x1p-2", "1p0", " 0X.8 ", "0xA", "0x1.fffffffffffffp+1023", "0x1p-1074",
             "0x1p-1080", "-inf", "Infinity", "nan", "+0x0p0", "0x1.", "0x.1"]:
    print(repr(text), repr(float.fromhex(text)))
for v in [1.0, 0.1, -2.5, 1e-310, 123456.789]:
    assert float.fromhex(v.hex()) == v
    print(v.hex(), float.fromhex(v.hex()))
for bad in ["", "0x", "x1", "0x1p", "0x1p+", "1e5", "0x1.2.3", "0xg", "0x1 p1", "--1"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
try:
    float.fromhex("0x1p1024")
except OverflowError as e:
    print("OverflowError:", e)
try:
    float.fromhex(5)
except TypeError as e:
    print("TypeError:", e)
