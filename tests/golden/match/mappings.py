# Mapping patterns: required keys, extra keys allowed, **rest, nested, dotted keys.
class Keys:
    A = "a"


def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} with {rest}"
        case {Keys.A: value}:
            return f"has a={value}"
        case {}:
            return "some other mapping"
        case _:
            return "not a mapping"


for e in [{"type": "click", "pos": (1, 2)}, {"type": "key", "key": "q", "mod": "ctrl", "t": 1},
          {"type": "key", "key": 5}, {"a": 9, "b": 0}, {"x": 1}, {}, [("type", "click")], "type"]:
    print(e, "->", handle(e))

match {1: "one", 2: "two"}:
    case {1: _, **others}:
        print("others", others)
match {"a": 1}:
    case {"a": 1, "b": 2}:
        print("no")
    case {"a": 1, **rest}:
        print("empty rest", rest)
match {True: "t", None: "n", -1: "m"}:
    case {True: t, None: n, -1: m}:
        print(t, n, m)


class Mapping:
    def __init__(self, d):
        self.d = d

    def get(self, key, default=None):
        return self.d.get(key, default)


from collections import defaultdict, OrderedDict
d = defaultdict(list)
d["k"] = [1]
match d:
    case {"k": [v]}:
        print("defaultdict", v)
match d:
    case {"missing": _}:
        print("no")
    case _:
        print("missing key not created:", sorted(d))
match OrderedDict(z=1):
    case {"z": z}:
        print("OrderedDict", z)
