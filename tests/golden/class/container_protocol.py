# __len__, __getitem__, __setitem__, __contains__, __bool__.
class Bag:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __contains__(self, x):
        print("contains called for", x)
        return x in self.items
b = Bag()
print(len(b), bool(b))
b.add("a")
b.add("b")
print(len(b), bool(b), b[0], b[-1])
b[1] = "B"
print(b[1])
print("a" in b, "z" in b, "z" not in b)
if b:
    print("bag is truthy")
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
print(bool(Flag(True)), bool(Flag(False)), not Flag(False))
if Flag(False):
    print("no")
else:
    print("falsy flag")
print(Flag(True) and "yes", Flag(False) or "fallback")
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
for v in Seq():
    print("seq", v)
print(3 in Bag())
