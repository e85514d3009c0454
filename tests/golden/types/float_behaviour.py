# float repr and behaviour.
vals = [0.1, 0.2, 0.3, 1/3, 2/3, 1e16, 1e15, 123456789.123, 1e-4, 1e-5, 0.00001234,
        1.0, 100.0, 1e22, 1.5e-10, 3.0e8, 2.5, -0.0, 12345678901234567890.0, 0.1 + 0.7]
for v in vals:
    print(v, repr(v), str(v))
print(float(7) / 2, 7 / 2.0, 1.0 * 3)
print(1e308 + 1e308, -1e308 * 2)
print(1.0 == 1, 0.1 + 0.2 > 0.3, 3.0 < 3)
print(int(1.9999999999999999))
print(round(2.5), round(3.5), round(-0.5))
print(float("1e500"), float("-1e500"))
print(2.0 ** 62, 2.0 ** 70)
print(1e16 + 2, 1e16 + 1)
print(9007199254740993.0)
print(4.35 * 100, 1.1 + 2.2, 3 * 1.1)
