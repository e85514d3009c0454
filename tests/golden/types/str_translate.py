# str.maketrans builds ordinal tables; str.translate maps, replaces and deletes characters.
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()))
print("abcdabcd".translate(table))
print(sorted(str.maketrans({"a": "1", 98: None, "é": 0x263a}).items()))
print("aébc".translate(str.maketrans({"a": "1", 98: None, "é": 0x263a})))
print("hello".translate({ord("l"): "L", ord("o"): "0!"}))
print("abc".translate({}))
print("".translate({97: None}))
print("abc".translate("XYZ" * 40))   # any object with __getitem__: str index lookup

class Upper:
    def __getitem__(self, code):
        if code == ord(" "):
            raise LookupError
        return chr(code).upper()

print("mixed case text".translate(Upper()))

for args in [(1,), ({"ab": 1},), ({1.5: 1},), ("a", "bc"), ("a", 1), (1, "a"), ("a", "b", 3), (), ("a", "b", "c", "d")]:
    try:
        str.maketrans(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for table in [{97: 1.5}, {97: -1}, {97: 0x110000}, 5]:
    try:
        "a".translate(table)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    "a".translate()
except TypeError as e:
    print("TypeError:", e)
