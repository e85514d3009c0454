# int(str, base) for big values, every base, signs, underscores and whitespace.
print(int("123456789012345678901234567890"), int("-99999999999999999999999"), int("  +1_000_000_000_000_000_000_000  "))
print(int("ffffffffffffffffffffffff", 16), int("-0x1_0000_0000_0000_0000", 16), int("0b" + "1" * 100, 0))
print(int("zzzzzzzzzzzzzzzzzz", 36), int("777777777777777777777777", 8), int("0o" + "7" * 30, 0), int("1" * 70, 2))
print(int("12345601234560123456012", 7), int("-aaaaaaaaaaaaaaaa", 11), int("9223372036854775808"), int("-9223372036854775809"))
print(int("9223372036854775807"), int("-9223372036854775808"), type(int("-9223372036854775808")))
for text, base in [("1" * 30 + "x", 10), ("0x" + "g" * 20, 16), ("1__0" + "0" * 30, 10), ("_1" + "0" * 30, 10), ("0" * 30 + "1", 0), ("", 10)]:
    try:
        print(int(text, base))
    except ValueError as ex:
        print(ex)
print(int(1e30), int(-1e30), int(1.5e300) % 10**9, int(2.0**64), int(-2.0**63), int(float(2**100)))
print(float(2**100), float(-(3**200)), float(2**1024 - 2**971))
for e, f in [("float(2**1024)", lambda: float(2**1024)), ("float(-(10**400))", lambda: float(-(10**400))), ("int(float('inf'))", lambda: int(float('inf'))), ("int(float('nan'))", lambda: int(float('nan'))), ("float(2**1024 - 2**970)", lambda: float(2**1024 - 2**970))]:
    try:
        print(f())
    except (OverflowError, ValueError) as ex:
        print(e, "->", type(ex).__name__, ex)
print(int(2**100), int(True), type(int(2**100)))
