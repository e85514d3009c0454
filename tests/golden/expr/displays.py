# Tuple, list and dict displays.
print(())
print((1,))
print((1, 2, 3))
t = 1, 2
print(t, type(t))
print([])
print([1, "two", 3.0, None, True, [4], (5,)])
print({})
print({"a": 1, "b": [1, 2], 3: "c", None: None})
d = {"k": 1, "k": 2}
print(d)
print(len((1, 2, 3)), len([]), len({"a": 1}))
print([1, 2,], (1, 2,), {1: 2,})
print(((1, 2), (3, 4)))
nested = {"outer": {"inner": [1, {"deep": ()}]}}
print(nested)
print(nested["outer"]["inner"][1]["deep"])
x = 5
print([x, x + 1, x * 2], (x,), {x: x})
print(repr("s"), [ "s" ], ("s",), {"s": "s"})
print([1.5, -0.0, 1e20, 1e-10])
