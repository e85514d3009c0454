# dict.keys() and dict.items() behave as sets.
d = {1: 'a', 2: 'b', 3: 'c'}
k = d.keys()
print(k & {1, 5}, k | {9}, k - {1}, k ^ {3, 4})
print({1, 5} & k, {9} | k, {1, 2, 3, 4} - k, {3, 4} ^ k)
print(k == {1, 2, 3}, {1, 2, 3} == k, k != {1}, k < {1, 2, 3, 4}, k <= {1, 2, 3}, k > {1}, k >= {4})
print(k == [1, 2, 3], k & [2, 3, 9], k - [1], [1, 5] - k, (5, 1) | k)
print(k.isdisjoint({4}), k.isdisjoint([1]), k.isdisjoint(k))
e = {2: 'x', 3: 'y'}
print(k & e.keys(), k - e.keys(), k ^ e.keys(), k | e.keys())
print(e.keys() < k, k > e.keys(), k == d.copy().keys())
i = d.items()
print(sorted(i & {(1, 'a'), (2, 'z')}), sorted(i - {(1, 'a')}), (1, 'a') in i)
print(i == {(1, 'a'), (2, 'b'), (3, 'c')}, sorted(i | {(4, 'd')}))
print(type(k & {1}).__name__, type(k | k).__name__)
try:
    d.values() & {1}
except TypeError as ex:
    print(ex)
try:
    k & 5
except TypeError as ex:
    print(ex)
print(set(d), set(k), frozenset(i) == frozenset(d.items()))
