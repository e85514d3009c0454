# json.loads: values, whitespace, escapes, numbers and the hooks.
import json

def show(s, **kw):
    v = json.loads(s, **kw)
    print(repr(s), "->", repr(v), type(v).__name__)

for s in ["null", "true", "false", "0", "-0", "12", "-12", "1.5", "-0.25", "1e3", "1E-3",
          "2.5e+2", "1.0", "0.1", "123456789012345678", "-9223372036854775808",
          "9223372036854775807", "NaN", "Infinity", "-Infinity"]:
    show(s)
for s in ['""', '"abc"', '"a\\"b"', '"\\\\"', '"\\/"', '"\\b\\f\\n\\r\\t"', '"\\u00e9"',
          '"\\u20AC"', '"\\ud83d\\ude00"', '"\\uD83D\\uDE00x"', '"caf\u00e9 \U0001f600"',
          '"tab\tinside"']:
    try:
        show(s)
    except ValueError as e:
        print(repr(s), "error:", e)
show('"tab\tinside"', strict=False)
show('"nl\ninside\x01"', strict=False)
show(" \t\n\r[ 1 , 2 ,\n 3 ] \n")
show('{"a": 1, "b": [true, false, null], "c": {"d": "e"}}')
show('{"a": 1, "a": 2}')
show("[]")
show("{}")
show("[[[[]]]]")
show('[{"a": {}}, []]')
show("-1.5e-3")
show("[1.7976931348623157e308, 5e-324, 1e400, -1e400]")
show("[0.30000000000000004, 100.0, 1e22, 1e-5]")

# Hooks
print(json.loads('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": {"c": 2}, "a": 3}', object_pairs_hook=lambda p: p))
print(json.loads('{"x": {}}', object_pairs_hook=lambda p: ("pairs", p),
                 object_hook=lambda d: ("dict", d)))
print(json.loads("[1, 2.5, -3]", parse_int=lambda s: "int:" + s, parse_float=lambda s: "float:" + s))
print(json.loads("[1, 2.5e1]", parse_float=lambda s: len(s)))
print(json.loads("[1, 20]", parse_int=float))
print(json.loads("[NaN, Infinity, -Infinity]", parse_constant=lambda s: "const:" + s))
print(json.loads("[1.5]", parse_float=str))

# Big documents round-trip.
items = []
for i in range(300):
    items.append({"id": i, "name": "item \"%d\"\n" % i, "tags": ["a", "b\u00e9"], "v": i / 7})
text = json.dumps(items)
back = json.loads(text)
print(len(text), back == items, back[17])
