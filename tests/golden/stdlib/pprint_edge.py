# pprint: narrow widths, indentation, compact mode and strings inside containers match CPython.
import pprint

text = ('The quick brown fox jumps over the lazy dog. ' * 3).strip()
samples = [
    [text, [text, {'k': text}]],
    {'multi': 'first line\nsecond line is a little bit longer than the first\n\nfourth\n'},
    ('tuple', ('nested', ('deeper', ('deepest', list(range(12)))))),
    [[i] * i for i in range(10)],
    {'k' * 30: {'v' * 30: ['w' * 30]}},
    [{'id': i, 'name': 'item%d' % i, 'tags': ['t%d' % j for j in range(i)]} for i in range(5)],
    ['spaces    inside     this      string     that is long enough to wrap at some point, right?'],
    [b'bytes inside a list that are long enough to wrap', bytearray(b'x' * 50)],
    'x' * 200,
    'short',
    'word ' * 40,
]
for width in [1, 10, 25, 50, 80]:
    for obj in samples:
        print('--- width', width)
        print(pprint.pformat(obj, width=width))
for obj in samples[:6]:
    print('--- indent 3 compact')
    print(pprint.pformat(obj, indent=3, width=40, compact=True))
    print('--- indent 0')
    print(pprint.pformat(obj, indent=0, width=40))
class S(str):
    pass
class D(dict):
    pass
class T(tuple):
    pass
print(pprint.pformat([S('a string subclass that is fairly long ' * 2), D(a=list(range(30))), T(range(30))], width=40))
print(pprint.pformat({'a': [], 'b': {}, 'c': (), 'd': '', 'e': b'', 'f': set()}, width=10))
print(pprint.pformat([1.5, -0.0, float('inf'), None, True, ..., NotImplemented, 'é', 'a\'b"c', '\n\t'], width=20))
