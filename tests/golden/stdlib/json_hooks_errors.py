# The same documents decoded with and without hooks: the results and errors agree (the hooks
# are called from inside the scanner, so their calls must not disturb its positions).
import json

docs = ["", " ", "nul", "[", "[1", "[1,]", "[1 2]", '{"a"', '{"a":', '{"a" 1}', '{"a":1,}',
        "{1:2}", "[1]]", "01", "-", "-a", "1.", "1e+", "-Inf", '"abc', '"abc\\', '"a\x01b"',
        '"\\x"', '"\\u12"', '"\\ud800\\udc0"', '"\\u1234', '["a",\n "b"\n "c"]',
        '{\n  "k": [1,\n   2,,]}', "true false",
        "null", "[true, false, null]", "-0", "-12", "1.5e3", "2E-2", "[NaN, Infinity, -Infinity]",
        '"\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/"', '{"a": {"b": [1, {"c": []}]}, "a": 2}',
        '"caf\u00e9 \U0001f600"', '["\u00e9", 1 2]', '{"\u00e9\u00e9": x}', '"\\ud800"',
        '"\\udc00\\ud800x"', " [ 1 , { } ] ", "9223372036854775807", "-9223372036854775808"]

def run(s, **kw):
    try:
        return repr(json.loads(s, **kw))
    except json.JSONDecodeError as e:
        return "JSONDecodeError: %s (pos %d)" % (e, e.pos)

for s in docs:
    plain = run(s)
    hooked = run(s, object_pairs_hook=dict)
    print(repr(s), "->", plain, "" if plain == hooked else "| hooks: " + hooked)

print(run('"a\tb"', strict=False), run('"a\tb"', strict=False, object_hook=dict))
dec = json.JSONDecoder()
print(dec.raw_decode('["\u00e9\u00e9", 1] rest'), dec.raw_decode('  "\u00e9" 2', 2))
print(json.JSONDecoder(object_hook=dict).raw_decode('["\u00e9\u00e9", 1] rest'))

# Deep nesting within the recursion limit decodes.
deep = "[" * 200 + "]" * 200
v = json.loads(deep)
depth = 0
while v:
    v = v[0]
    depth += 1
print(depth)
