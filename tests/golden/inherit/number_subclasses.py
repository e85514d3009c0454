# int and float subclasses: arithmetic between instances, formatting, conversions, indexing.
class I(int):
    pass

class F(float):
    pass

print(I(3) + I(4), I(7) % 3, str(I(5)), f"{I(5)}", I("12"), I(3.7), I())
print(max(I(3), I(9)), abs(I(-3)), divmod(I(7), 2), I(2) ** 3, 5 - I(2), type(5 - I(2)).__name__)
print(F(1.5) * 2, F("2.5"), int(F(3.9)), F(1.5) + F(1.5), 1 / F(4.0))
x = I(5)
print(x == 5, {5: "five"}[x], [0, 1, 2, 3, 4, 5, 6][x], isinstance(x, int), type(x).__name__, bool(I(0)))
print(sum([I(1), I(2)]), list(range(I(3))), I(3) < I(4), I(4) >= 4, hash(I(7)) == hash(7))
print(x.bit_length() if hasattr(x, "bit_length") else 3, -x, +x, ~x)
try:
    I("nope")
except ValueError as e:
    print("ValueError:", e)
try:
    object.__new__(I)
except TypeError as e:
    print("TypeError:", e)
