# json.dumps: scalars, containers, separators, indent, sort_keys, ensure_ascii and key types.
import json

print(json.dumps(None), json.dumps(True), json.dumps(False), json.dumps(0), json.dumps(-17))
print(json.dumps(1.5), json.dumps(0.1), json.dumps(1e16), json.dumps(1e-7), json.dumps(-0.0))
print(json.dumps(123456789.0), json.dumps(1e300), json.dumps(2.5e-300))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")))
print(json.dumps("plain"), json.dumps(""), json.dumps('quote " backslash \\ slash /'))
print(json.dumps("tab\there\nnewline\rcr\bbs\fff\x00nul\x1f\x7fdel"))
print(json.dumps("caf\u00e9 \u20ac \U0001f600 \u2028"))
print(json.dumps("caf\u00e9 \u20ac \U0001f600 \u2028", ensure_ascii=False))
print(json.dumps("ctl\x01 \x7f", ensure_ascii=False))
print(json.dumps([]), json.dumps({}), json.dumps(()), json.dumps([[]]), json.dumps([{}]))
print(json.dumps([1, "a", None, True, 2.5, [3, [4]], {"k": (5, 6)}]))
print(json.dumps({"b": 1, "a": 2, "c": {"z": [], "y": {}}}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps({1: "int", 2.5: "float", True: "t", False: "f", None: "n", -3: "neg"}))
print(json.dumps({float("nan"): 1, float("inf"): 2}))
print(json.dumps([1, 2, {"a": 3}], separators=(",", ":")))
print(json.dumps({"a": [1, 2]}, separators=(";", "=")))

# indent: an int counts spaces, a str is used as it is; 0 and "" still break lines.
doc = {"name": "x", "list": [1, [2, 3], [], {}], "obj": {"k": None, "e": {}}}
print(json.dumps(doc, indent=2))
print(json.dumps(doc, indent="\t"))
print(json.dumps(doc, indent=0))
print(json.dumps([1, [2]], indent=""))
print(json.dumps(doc, indent=3, sort_keys=True, separators=(" ,", " : ")))
print(json.dumps("x", indent=4), json.dumps([], indent=4), json.dumps({}, indent=4))

# skipkeys drops keys that are not str/int/float/bool/None.
print(json.dumps({"a": 1, (1, 2): 2, "b": 3}, skipkeys=True))
print(json.dumps({(1, 2): 2}, skipkeys=True), json.dumps([{(1,): 2}], skipkeys=True, indent=2))
print(json.dumps({(1, 2): 2, "z": [1]}, skipkeys=True, indent=1))
print(json.dumps({2: "b", 1: "a", 3: "c"}, sort_keys=True))
print(json.dumps({"b": 1, "a": 2, "\u00e9": 3, "\U0001f600": 4, "A": 5, "": 6}, sort_keys=True))

# Deep nesting that CPython encodes.
deep = []
for i in range(400):
    deep = [deep]
text = json.dumps(deep)
print(len(text), text[:5], json.loads(text) == deep)

# default= turns unknown objects into encodable ones; the result is encoded in turn.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
def point_default(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    raise TypeError("cannot encode " + type(o).__name__)
print(json.dumps([Point(1, 2), {"p": Point(3, Point(4, 5))}], default=point_default))
print(json.dumps(Point(1, 2), default=lambda o: [o.x, o.y], indent=1))

# A long document round-trips.
big = {"k%d" % i: [i, i * 0.5, "s%d" % i, i % 2 == 0, None] for i in range(200)}
text = json.dumps(big)
print(len(text), json.loads(text) == big)
text = json.dumps(big, indent=2, sort_keys=True)
print(len(text), json.loads(text) == big)
