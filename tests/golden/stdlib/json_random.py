# Pseudo-random documents (a fixed LCG, so CPython and gilvm see the same ones) encoded with
# every option combination and decoded back. gilvm encodes plain documents natively; a document
# holding an object for default() goes through its Python encoder, so each one is encoded both
# ways.
import json

state = [12345]

def rand(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return state[0] % n

CHARS = ["a", "Z", "0", " ", '"', "\\", "/", "\n", "\t", "\x00", "\x1f", "\x7f", "\u00e9",
         "\u2028", "\u20ac", "\U0001f600", "\ud7ff", "\ue000", "\uffff", "{", "]", ":", ","]

def rand_str():
    return "".join([CHARS[rand(len(CHARS))] for _ in range(rand(6))])

def rand_float():
    k = rand(8)
    if k == 0:
        return rand(1000) / 7.0
    if k == 1:
        return -rand(100000) * 1e10
    if k == 2:
        return rand(1000) * 1e-8
    if k == 3:
        return float(rand(50))
    if k == 4:
        return 1.0 / (rand(9) + 1)
    return (rand(2000000) - 1000000) / 1024.0

def rand_value(depth):
    k = rand(10 if depth < 4 else 6)
    if k == 0:
        return None
    if k == 1:
        return rand(2) == 0
    if k == 2:
        return rand(2000000001) - 1000000000
    if k == 3:
        return rand_float()
    if k == 4 or k == 5:
        return rand_str()
    if k == 6 or k == 7:
        return [rand_value(depth + 1) for _ in range(rand(5))]
    d = {}
    for _ in range(rand(5)):
        d[rand_str()] = rand_value(depth + 1)
    return d

class Marker:
    pass

options = [{}, {"indent": 2}, {"sort_keys": True}, {"ensure_ascii": False},
           {"separators": (",", ":")}, {"indent": "\t", "sort_keys": True, "ensure_ascii": False}]
for i in range(60):
    doc = rand_value(0)
    opts = options[i % len(options)]
    text = json.dumps(doc, **opts)
    back = json.loads(text)
    print(i, text)
    print(i, back == doc, repr(back) == repr(doc))
    print(i, json.dumps([doc, Marker(), {"m": Marker()}], default=lambda o: "<M>", **opts))
