# pprint: line breaking of nested containers, strings and bytes matches CPython.
import pprint
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap
from dataclasses import dataclass, field

data = {
    'name': 'gilvm', 'version': (3, 11, 0), 'tags': ['interpreter', 'bytecode', 'python', 'c++20'],
    'nested': {'a': [1, 2, {'deep': list(range(30))}], 'b': {'x': None, 'y': True, 'z': 1.5}},
    'empty': [], 'emptyd': {}, 'emptyt': (), 'one': (1,), 'set': {3, 1, 2}, 'fs': frozenset({5, 4}),
    42: 'int key', 'long': 'word ' * 30,
}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=120, sort_dicts=False)
pprint.pprint(data, depth=2)
pprint.pprint(data, depth=1)
pprint.pprint(data, indent=4, width=60)
print(pprint.pformat(list(range(50))))
print(pprint.pformat(list(range(50)), compact=True))
print(pprint.pformat(list(range(50)), width=30, compact=True, indent=2))
print(pprint.pformat([[1, 2, 3] * 5, ('a', 'b') * 10, {'k': 'v' * 70}], compact=True))
print(pprint.pformat(tuple(range(30)), width=20))
print(pprint.pformat(('only-one-element-but-long' * 3,), width=30))
print(pprint.pformat(set(range(40)), width=50))
print(pprint.pformat(frozenset(range(40)), width=50))
print(pprint.pformat({'text': 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore'}, width=50))
print(pprint.pformat('Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore\n', width=30))
print(pprint.pformat(['x' * 100], width=40))
print(pprint.pformat(b'\x00\x01binary data that is long enough to wrap around' * 2, width=30))
print(pprint.pformat(bytearray(b'abcdefghij' * 8), width=40))
print(pprint.pformat([b'abc', b'abcdefghijklmnopqrstuvwxyz' * 3], width=30))
od = OrderedDict((k, k * 10) for k in 'abcdefghijklmnop')
print(pprint.pformat(od, width=40))
dd = defaultdict(list, {'alpha': [1, 2, 3], 'beta': list(range(20)), 'gamma': []})
print(pprint.pformat(dd, width=40))
print(pprint.pformat(Counter('abracadabra simsalabim hocus pocus'), width=40))
print(pprint.pformat(deque(range(30)), width=40))
print(pprint.pformat(deque(range(30), maxlen=40), width=40))
print(pprint.pformat(ChainMap({'a': 1, 'b': list(range(20))}, {'c': 3}), width=40))
print(pprint.pformat([OrderedDict(), defaultdict(int), Counter(), deque(), set(), frozenset()]))

@dataclass
class Point:
    x: int
    y: int
    label: str = 'origin'
    history: list = field(default_factory=list)

p = Point(1, 2, 'a point with a label', list(range(25)))
pprint.pprint(p, width=50)
pprint.pprint([p, Point(0, 0)], width=60)

class Custom(list):
    def __repr__(self):
        return 'Custom(...)'
class Plain(list):
    pass
pprint.pprint([Custom(range(100)), Plain(range(30))], width=40)
print(pprint.saferepr({'b': [1, 2], 'a': (3,)}), pprint.saferepr('x'), pprint.saferepr(data['set']))
print(pprint.isreadable([1, 'a', {2: 3}]), pprint.isreadable([1, object]), pprint.isrecursive([1]))
r = [1, 2]
r.append(r)
print(pprint.isrecursive(r), pprint.isreadable(r))
pp = pprint.PrettyPrinter(indent=2, width=30)
pp.pprint({'key%d' % i: list(range(i)) for i in range(6)})
print(pp.pformat(list('abcdefghijklmnopqrstuvwxyz')))
print(pp.isreadable([1, 2]), pp.isrecursive([1, 2]))
pprint.pp({'z': 1, 'a': [2] * 30, 'm': 'x'})
pprint.pp({'z': 1, 'a': [2] * 30, 'm': 'x'}, width=30)
pprint.pprint(10**30 + 12345, underscore_numbers=True)
pprint.pprint([10**12] * 8, underscore_numbers=True)
print(pprint.pformat({(1, 2): 'tuple', 'str': 1, 3: 'int', None: 0}, width=20))
print(pprint.pformat({1: 'a', 'b': 2, 3.5: 'c'}))
import io
s = io.StringIO()
pprint.pprint(list(range(40)), stream=s, width=60)
print(repr(s.getvalue()))
for kwargs in [{'indent': -1}, {'depth': 0}, {'width': 0}]:
    try:
        pprint.PrettyPrinter(**kwargs)
    except ValueError as e:
        print('ValueError:', e)
nested = [[[[[['deep']]]]], {'a': {'b': {'c': {'d': {}}}}}]
for d in [1, 2, 3, 4]:
    print(pprint.pformat(nested, depth=d))
print(pprint.pformat({'a': 'x' * 60, 'b': 'y' * 60}, width=60))
print(pprint.pformat(['', 'short', 'a b c d e f g h i j k l m n o p q r s t u v w x y z ' * 2], width=25))
