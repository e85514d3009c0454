# Building strings: tables, padding by hand, reversing, palindromes, run-length encoding.
def pad(s, width, right=False):
    s = str(s)
    fill = " " * (width - len(s))
    return fill + s if right else s + fill

rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 2.0)]
header = pad("item", 8) + pad("qty", 5, True) + pad("price", 7, True)
print(header)
print("-" * len(header))
total = 0
for name, qty, price in rows:
    print(pad(name, 8) + pad(qty, 5, True) + pad(price, 7, True))
    total += qty * price
print("=" * len(header))
print(pad("total", 13) + pad(total, 7, True))

def rle(s):
    if not s:
        return ""
    out = ""
    prev = s[0]
    n = 1
    for ch in s[1:]:
        if ch == prev:
            n += 1
        else:
            out += str(n) + prev
            prev = ch
            n = 1
    return out + str(n) + prev

def unrle(s):
    out = ""
    num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out += ch * int(num)
            num = ""
    return out

for s in ["aaabccdddd", "abc", "", "zzzzzzzzzzzz"]:
    e = rle(s)
    print(repr(s), "->", repr(e), "->", repr(unrle(e)), unrle(e) == s)

def is_palindrome(s):
    letters = ""
    for ch in s.lower():
        if ch.isalnum():
            letters += ch
    return letters == letters[::-1]

for s in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?", ""]:
    print(is_palindrome(s), repr(s))

words = ["alpha", "beta", "gamma", "delta"]
print(", ".join(words[:-1]) + " and " + words[-1])
acc = []
for i in range(1, 6):
    acc.append(str(i) * i)
print("/".join(acc))
tri = ""
for i in range(1, 5):
    tri += " " * (4 - i) + "*" * (2 * i - 1) + "\n"
print(tri, end="")
print("snake_case_name".replace("_", " ").title().replace(" ", ""))
