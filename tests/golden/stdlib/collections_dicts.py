# defaultdict, OrderedDict, Counter and ChainMap behave like dicts for the usual things.
from collections import defaultdict, OrderedDict, Counter, ChainMap
import json

dd = defaultdict(list)
dd['a'].append(1)
dd['b'].append(2)
dd['a'].append(3)
print(dd)
print(dd['a'], 'c' in dd, len(dd), list(dd), sorted(dd.items()))
print(dd.get('z'), 'z' in dd, dd.pop('b'), dd)
counts = defaultdict(int)
for w in 'the cat and the hat and the bat'.split():
    counts[w] += 1
print(counts)
print(dict(counts) == {'the': 3, 'cat': 1, 'and': 2, 'hat': 1, 'bat': 1}, counts == dict(counts))
plain = defaultdict()
print(plain)
try:
    plain['x']
except KeyError as e:
    print('KeyError', e)
print(defaultdict(lambda: 'd', {'k': 'v'})['q'])
print(dd.setdefault('n', [0]), list(dd.keys()), list(dd.values()))

od = OrderedDict()
od['x'] = 1
od['y'] = 2
od['z'] = 3
print(od)
od.move_to_end('x')
print(od)
od.move_to_end('z', last=False)
print(od, list(od))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([('a', 1), ('b', 2)]) == OrderedDict([('b', 2), ('a', 1)]))
print(OrderedDict(a=1, b=2) == {'b': 2, 'a': 1})
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    od.move_to_end('nope')
except KeyError as e:
    print('KeyError', e)

c = Counter('abracadabra')
print(c)
print(c['a'], c['z'], 'z' in c, len(c))
print(c.most_common(2), c.most_common()[-1])
print(sorted(c.elements()))
c.update('aaz')
print(c)
c.subtract({'a': 10, 'q': 1})
print(c)
print(Counter(), Counter({'x': 2, 'y': 5}), Counter(a=3, b=1))
x = Counter(a=3, b=1, c=2)
y = Counter(a=1, b=2, d=4)
print(x + y)
print(x - y)
print(x & y)
print(x | y)
print(Counter(a=-2, b=3).total() if hasattr(Counter, 'total') else 1)
print(+Counter(a=-2, b=3), -Counter(a=-2, b=3))
del x['a']
del x['nothing']
print(x, x == Counter(b=1, c=2), x == {'b': 1, 'c': 2})
print(json.dumps(dict(Counter('aab'))))

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), 'b' in cm, cm.get('q', 0))
cm['c'] = 4
print(cm.maps[0], cm)
child = cm.new_child()
child['a'] = 9
print(child['a'], cm['a'], child.parents['a'])
loop = OrderedDict()
loop['self'] = loop
print(loop)
