# Encoder edge cases: default() that raises, recurses or mutates the document, check_circular
# off, mixed sort keys, bad separators and options passed through JSONEncoder attributes.
import json

class Obj:
    def __init__(self, n):
        self.n = n

def default(o):
    if isinstance(o, Obj):
        print("default called for Obj", o.n)
        return {"obj": o.n}
    raise TypeError("no way: " + type(o).__name__)

print(json.dumps([Obj(1), [Obj(2)], {"k": Obj(3)}], default=default))
print(json.dumps([Obj(1)], default=default, indent=2, sort_keys=True))
try:
    json.dumps([1, Obj(4), len], default=default)
except TypeError as e:
    print("TypeError:", e)

# default returning another object that needs default
def chain(o):
    if isinstance(o, Obj) and o.n > 0:
        return Obj(o.n - 1)
    return "bottom"
print(json.dumps(Obj(5), default=chain))

# default mutating the list being encoded: the encoder works on what it saw.
doc = [1, None, 3]
def grow(o):
    doc.append(99)
    doc[0] = "changed"
    return "obj"
doc[1] = Obj(0)
print(json.dumps(doc, default=grow), doc[0], len(doc))
d = {"a": Obj(0), "b": 2}
def shrink(o):
    d.clear()
    return "gone"
print(json.dumps(d, default=shrink), d)

# Cycles through default.
holder = []
def back_to_holder(o):
    return holder
holder.append(Obj(0))
try:
    json.dumps(holder, default=back_to_holder)
except ValueError as e:
    print("ValueError:", e)

# Shared but not cyclic is fine.
shared = {"s": 1}
print(json.dumps({"a": shared, "b": [shared, shared]}))
print(json.dumps([shared, shared], check_circular=False))

# sort_keys with keys of mixed types: the comparison error is Python's.
for keys in [{1: "a", 2.5: "b", -1: "c"}, {True: 1, False: 2}, {None: 1, "x": 2}]:
    try:
        print(json.dumps(keys, sort_keys=True))
    except TypeError as e:
        print("TypeError:", e)
print(json.dumps({"b": 1, "a": 2, "A": 3, "\u00e9": 4, "e": 5}, sort_keys=True, indent=1))

# Separators must be strings.
for seps in [(1, ":"), (",", 2)]:
    try:
        print(json.dumps({"a": [1, 2]}, separators=seps))
    except TypeError as e:
        print("TypeError:", e)

# Options set on an encoder after construction are used.
enc = json.JSONEncoder()
enc.indent = 1
enc.sort_keys = True
enc.item_separator = ";"
print(enc.encode({"b": [1, 2], "a": None}))
enc.indent = "ab"
print(enc.encode([1]))
try:
    json.dumps([1], indent=1.5)
except TypeError as e:
    print("TypeError:", e)
print(json.dumps([1, [2]], indent=-1))

# Flags take any truthy value.
print(json.dumps({"b": "\u00e9", "a": 1}, sort_keys="yes", ensure_ascii=[]))
print(json.loads('"a\tb"', strict=0), json.dumps(float("nan"), allow_nan=1))
