# Roman numeral conversion both ways, with validation.
VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError("out of range: " + str(n))
    out = ""
    for value, sym in VALUES:
        while n >= value:
            out += sym
            n -= value
    return out

def from_roman(s):
    total = 0
    for i in range(len(s)):
        if s[i] not in DIGITS:
            raise ValueError("bad digit " + repr(s[i]))
        v = DIGITS[s[i]]
        if i + 1 < len(s) and DIGITS.get(s[i + 1], 0) > v:
            total -= v
        else:
            total += v
    if to_roman(total) != s:
        raise ValueError("non-canonical numeral " + repr(s))
    return total

for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(n, r, from_roman(r))
ok = True
for n in range(1, 4000):
    if from_roman(to_roman(n)) != n:
        ok = False
print("round trip 1..3999:", ok)
longest = ""
for n in range(1, 4000):
    r = to_roman(n)
    if len(r) > len(longest):
        longest = r
print("longest:", longest, from_roman(longest))
for bad in ["IIII", "ABC", "VX", "MMMM"]:
    try:
        print(from_roman(bad))
    except ValueError as e:
        print("error:", e)
for n in [0, 4000]:
    try:
        to_roman(n)
    except ValueError as e:
        print("error:", e)
