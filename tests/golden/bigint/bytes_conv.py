# int.to_bytes / int.from_bytes at any length, signed and unsigned.
for v, n, signed in [(2**64, 9, False), (2**100, 13, False), (-(2**100), 13, True), (-1, 20, True), (2**127 - 1, 16, True),
                     (-(2**127), 16, True), (255, 1, False), (0, 0, False), (0, 5, True), (2**64 - 1, 8, False)]:
    for order in ["big", "little"]:
        b = v.to_bytes(n, order, signed=signed)
        print(v, b, int.from_bytes(b, order, signed=signed) == v)
print(int.from_bytes(b"\xff" * 20, "big"), int.from_bytes(b"\xff" * 20, "big", signed=True), int.from_bytes(b"\x80" + b"\0" * 15, "big", signed=True))
print(int.from_bytes(bytes(range(1, 30)), "little"), int.from_bytes([1] * 17, "big"), int.from_bytes(b"", "big"))
for args in [(2**64, 8, "big", False), (2**127, 16, "big", True), (-(2**127) - 1, 16, "little", True), (-(2**70), 20, "big", False), (2**70, 5, "big", False)]:
    v, n, order, signed = args
    try:
        print(v.to_bytes(n, order, signed=signed))
    except OverflowError as ex:
        print(ex)
