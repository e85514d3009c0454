# Where a str's text lives must not show: strs of every size, str subclasses (whose text is
# kept apart from their fields), texts built by concatenation, and one too long for a block.


class Tagged(str):
    def __init__(self, text):
        self.tag = "t:" + text[:3]


class Plain(str):
    pass


for n in (0, 1, 2, 7, 8, 9, 15, 16, 17, 23, 24, 25, 63, 64, 65, 200, 513):
    s = "".join(chr(97 + i % 26) for i in range(n))
    t = Tagged(s)
    p = Plain(s)
    assert t == s and p == s and hash(t) == hash(s) and hash(p) == hash(s)
    print(n, len(s), len(t), s[-3:], t[-3:], p[:3], t.tag, type(t).__name__, type(t + "!").__name__)
    print("  ", (t + p)[n - 2 : n + 2], (s + t)[-2:], t.upper()[:4], repr(p)[:6], str(t) is s or str(t) == s)

wide = Tagged("h\u00e9llo \u20ac \U0001f600")
print(len(wide), wide[1], wide[-1], wide.tag, wide.encode("utf-8"), list(wide)[4:8])
print(Plain(Tagged("nested")), type(Plain(Tagged("nested"))).__name__, Tagged(Plain("x")).tag)

built = ""
for i in range(300):
    built += Plain(str(i % 10))
print(len(built), built[:12], built[-12:], type(built).__name__)
d = {Tagged("key"): 1, "key": 2, Plain("other"): 3}
print(d, d["other"], sorted([Tagged("b"), "a", Plain("c")]))

big = "ab" * (9 << 20)
print(len(big), big[-3:], big[:5], big.count("ba"), big.find("bb"), big.endswith("ab"))
bigger = big + "\u00e9"
print(len(bigger), bigger[-2:], bigger[len(big) - 1 :], hash(bigger) == hash(big + "\u00e9"))
tagged_big = Tagged(big)
print(len(tagged_big), tagged_big.tag, tagged_big == big, tagged_big[18874366:])
print(len(big.upper()), big.upper()[-4:], len(big.split("ab" * 1000)), big.replace("a", "")[:4])
