# Sets through copy, json and collections.
import copy
import json
s = {1, 2, 3}
c = copy.copy(s)
c.add(4)
print(s, c, type(c).__name__)
f = frozenset([1, 2])
print(copy.copy(f) is f)
nested = {(1, 2), (3, 4)}
dc = copy.deepcopy(nested)
print(dc == nested, dc is nested, type(dc).__name__)
df = copy.deepcopy(frozenset([1, 2]))
print(df, type(df).__name__)
holder = [s, s]
h2 = copy.deepcopy(holder)
print(h2, h2[0] is h2[1], h2[0] is s)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
try:
    json.dumps({'a': frozenset()})
except TypeError as e:
    print(e)
print(json.dumps(sorted({3, 1, 2})))
print(set.__name__, frozenset.__name__, set.__module__ if hasattr(set, '__module__') else '')
print(s.__reduce__()[0] is set, s.__reduce__()[1])
import pickle
print(pickle.loads(pickle.dumps({1, 2, 3})), pickle.loads(pickle.dumps(frozenset([4]))))
print(pickle.loads(pickle.dumps([{(1, 2)}, frozenset()])))
