# The errors json raises, with CPython's messages and positions.
import json

def bad(s, **kw):
    try:
        v = json.loads(s, **kw)
        print(repr(s), "no error", repr(v))
    except json.JSONDecodeError as e:
        print(repr(s), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.doc == s,
              isinstance(e, ValueError))

for s in ["", " ", "   \n  ", "nul", "tru", "fals", "x", "[", "]", "{", "}", "[1", "[1,", "[1,]",
          "[1 2]", "[,1]", '{"a"', '{"a":', '{"a" 1}', '{"a":1', '{"a":1,', '{"a":1,}',
          '{"a":1 "b":2}', "{1:2}", "{'a':1}", "[1]]", "1 2", "01", "-", "-a", "1.", "1.e3",
          "1e", "1e+", ".5", "+1", "-Inf", "nan", "infinity", "[NaN", '"abc', '"abc\\',
          '"\\', '"a\x01b"', '"a\nb"', '"\\x"', '"\\u"', '"\\u12"', '"\\u12zz"', '"\\uzzzz"',
          '"\\ud800\\udc0"', '"\\ud800\\u"', '"\\u1234', '["a",\n "b"\n "c"]',
          '{\n  "k": [1,\n   2,,]}', "\ufeff[]", "[1, 2] // comment", "true false"]:
    bad(s)

# JSONDecodeError can be made directly, and is caught as ValueError.
e = json.JSONDecodeError("Custom", "ab\ncd\nef", 7)
print(e, e.lineno, e.colno, e.args)
try:
    json.loads("[}")
except ValueError as e:
    print(type(e).__name__, e)

# loads wants a str.
for v in [12, None, ["[]"]]:
    try:
        json.loads(v)
    except TypeError as e:
        print("TypeError:", e)

# Encoding errors.
def enc(v, **kw):
    try:
        print(json.dumps(v, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

class Thing:
    pass
enc(Thing())
enc([1, {"a": Thing}])
enc({"k": len})
enc({(1, 2): 3})
enc({Thing(): 3})
enc({"a": 1, (1,): 2}, sort_keys=False)
enc(float("nan"), allow_nan=False)
enc([1.0, float("inf")], allow_nan=False)
enc({float("-inf"): 1}, allow_nan=False)
enc({"b": 1, 2: 3}, sort_keys=True)
loop = [1]
loop.append(loop)
enc(loop)
d = {}
d["self"] = d
enc(d)
enc([d], indent=2)
shared = [1, 2]
enc([shared, shared, {"s": shared}])

# default returning the same object again is a cycle too.
class Node:
    pass
enc(Node(), default=lambda o: o)
enc(Node(), default=lambda o: [o])

# Large integers are outside gilvm's ints; CPython parses them, so only the fitting ones here.
print(json.loads("[9223372036854775807, -9223372036854775807]"))
