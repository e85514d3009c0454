# Bitwise operators.
print(12 & 10, 12 | 10, 12 ^ 10, ~12)
print(~0, ~-1, ~255)
print(1 << 10, 1 << 62, 1024 >> 3, -1024 >> 3, -1 >> 5)
print(-5 & 3, -5 | 3, -5 ^ 3)
print(0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0xaa)
print(1 | 2 ^ 3 & 4)
print((1 | 2) ^ (3 & 4))
print(1 << 2 + 1, (1 << 2) + 1)
print(5 & 1 == 1)
print(True & False, True | False, True ^ True, type(True & True))
print(~True, True << 3)
x = 0
for i in range(8):
    if i % 2 == 0:
        x = x | (1 << i)
print(x)
