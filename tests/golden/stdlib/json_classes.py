# JSONEncoder / JSONDecoder objects, cls=, and dump/load through objects with write()/read().
import json

class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def text(self):
        return "".join(self.parts)

class Reader:
    def __init__(self, text):
        self.text = text
        self.reads = 0
    def read(self):
        self.reads += 1
        return self.text

w = Writer()
json.dump({"a": [1, 2, {"b": None}], "c": "d\u00e9"}, w)
print(w.text())
w = Writer()
json.dump([1, {"x": 2}], w, indent=2, sort_keys=True)
print(w.text())
w = Writer()
json.dump("just a string", w)
print(w.text(), all([isinstance(p, str) for p in w.parts]))

r = Reader('{"k": [1, 2.5, "three"], "n": null}')
print(json.load(r), r.reads)
print(json.load(Reader("[1, 2]"), object_hook=dict, parse_int=lambda s: int(s) * 10))
try:
    json.load(Reader("[1, 2"))
except json.JSONDecodeError as e:
    print("error:", e)

# Encoder objects.
enc = json.JSONEncoder()
print(enc.encode({"a": (1, 2)}), enc.item_separator, enc.key_separator)
print("".join(enc.iterencode([1, "x", {"y": None}])))
print(json.JSONEncoder(indent=2).item_separator, repr(json.JSONEncoder(indent=2).key_separator))
enc = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
print(enc.encode({"z": "\u00e9", "a": [True, False]}))

class SetLikeEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, range):
            return list(o)
        return json.JSONEncoder.default(self, o)

print(json.dumps({"r": range(3)}, cls=SetLikeEncoder))
print(SetLikeEncoder(indent=1).encode([range(2)]))
try:
    json.dumps({"f": len}, cls=SetLikeEncoder)
except TypeError as e:
    print("TypeError:", e)

class Upper(json.JSONEncoder):
    def encode(self, o):
        return json.JSONEncoder.encode(self, o).upper()
print(json.dumps(["abc"], cls=Upper))

class WithExtra(json.JSONEncoder):
    def __init__(self, *, tag, **kw):
        json.JSONEncoder.__init__(self, **kw)
        self.tag = tag
    def default(self, o):
        return self.tag
print(json.dumps([len, 1], cls=WithExtra, tag="<fn>"))

# Decoder objects.
dec = json.JSONDecoder()
print(dec.decode(' [1, "two"] '))
print(dec.raw_decode('{"a": 1} trailing'))
print(dec.raw_decode('xx[1, 2]yy', 2))
try:
    dec.raw_decode(" [1]")
except json.JSONDecodeError as e:
    print("raw_decode:", e)

class Tagged(json.JSONDecoder):
    def __init__(self, **kw):
        json.JSONDecoder.__init__(self, object_hook=self.hook, **kw)
    def hook(self, d):
        return ("obj", sorted(d))
print(json.loads('{"b": 1, "a": {"c": 2}}', cls=Tagged))
print(json.loads('"a\tb"', cls=Tagged, strict=False))
dec = json.JSONDecoder(object_pairs_hook=list, parse_float=str, strict=False)
print(dec.decode('{"a": 1.25, "b": "\x02"}'))

print(issubclass(json.JSONDecodeError, ValueError))
print(json.JSONDecodeError.__module__, json.JSONEncoder.__module__, json.JSONDecoder.__module__)

# The names of CPython's json.decoder and json.encoder submodules are reachable as attributes.
try:
    json.loads("[")
except json.decoder.JSONDecodeError as e:
    print("json.decoder.JSONDecodeError:", e)
print(json.decoder.JSONDecoder is json.JSONDecoder, json.encoder.JSONEncoder is json.JSONEncoder)
