# Nesting beyond the recursion limit raises RecursionError with the C json module's wording,
# for cycles encoded without check_circular and for deep documents.
import json
a = []
a.append(a)
try:
    json.dumps(a, check_circular=False)
except RecursionError as e:
    print("RecursionError:", e)
d = {}
d["x"] = d
try:
    json.dumps(d, check_circular=False)
except RecursionError as e:
    print("RecursionError:", e)
deep = "[" * 5000 + "]" * 5000
try:
    json.loads(deep)
except RecursionError as e:
    print("RecursionError:", e)
deep = '{"a":' * 5000 + "1" + "}" * 5000
try:
    json.loads(deep)
except RecursionError as e:
    print("RecursionError:", e)
