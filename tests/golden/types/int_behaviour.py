# int behaviour near 64-bit limits (no big ints), conversions and methods.
big = 9223372036854775807
print(big, -big, big // 2, big % 1000, big - big)
print(4611686018427387904 + 4611686018427387903)
print(3037000499 * 3037000499 + 0)
print(int("9223372036854775807"), int("-9223372036854775807"))
print(abs(-big), -(-big))
print(10 ** 18, 2 ** 62 + (2 ** 62 - 1))
print(7 // 2, -7 // 2, 7 % -2, -7 % 2)
print(int(2.9999), int(-0.5), int(1e18))
print(int("  12  "), int("-0012"), int("1_2_3"))
print(str(-0), str(7))
print(max(-big, 0), min(big, 0))
print(1000000 * 1000000, 999999999 * 999999999)
