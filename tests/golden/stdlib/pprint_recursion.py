# pprint: recursion markers (ids masked), PrettyPrinter.format overrides, repr fallback.
import pprint, re
a = [1, 2]; a.append(a)
d = {'x': a, 'long': list(range(40))}; d['self'] = d
out = pprint.pformat(d)
print(re.sub(r'id=\d+', 'id=N', out))
print(re.sub(r'id=\d+', 'id=N', pprint.saferepr(a)))
class P(pprint.PrettyPrinter):
    def format(self, obj, context, maxlevels, level):
        if isinstance(obj, str):
            return obj.upper(), True, False
        return super().format(obj, context, maxlevels, level)
P(width=20).pprint(['abc', 'def', {'k': 'v' * 20}])
print(pprint.pformat({'a': {1: 2}.keys(), 'r': range(10), 'o': object}, width=30))
