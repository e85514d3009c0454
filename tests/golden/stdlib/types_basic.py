# types: SimpleNamespace, the internal types from live objects, MethodType, MappingProxyType, new_class.
import types
from types import SimpleNamespace
ns = SimpleNamespace(a=1, b='x')
print(ns, ns.a, ns == SimpleNamespace(a=1, b='x'), ns == SimpleNamespace(a=1), ns != SimpleNamespace(a=2))
ns.c = [1]; del ns.a; print(ns, vars(ns))
ns.me = ns; print(ns)
class Sub(SimpleNamespace): pass
print(Sub(z=3), Sub(z=3) == SimpleNamespace(z=3))
try: SimpleNamespace(1)
except TypeError as e: print(e)
try: hash(ns)
except TypeError as e: print(e)
print(types.SimpleNamespace, SimpleNamespace().__dict__)
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), types.FunctionType is types.LambdaType)
print(isinstance(len, types.BuiltinFunctionType), isinstance(f, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
def gen(): yield 1
print(isinstance(gen(), types.GeneratorType), isinstance(gen, types.GeneratorType), isinstance(f.__code__, types.CodeType))
print(types.NoneType, types.NotImplementedType, types.EllipsisType, type(None) is types.NoneType)
mp = types.MappingProxyType({'a': 1})
print(mp['a'], len(mp), list(mp), 'a' in mp, mp.get('b', 0))
try: mp['x'] = 1
except TypeError as e: print(e)
class C:
    def __init__(self): self.v = 10
    def m(self): return self.v
def getv(self, extra=0): return self.v + extra
c = C()
bm = types.MethodType(getv, c)
print(bm(), bm(5), bm.__self__ is c, bm.__func__ is getv, isinstance(bm, types.MethodType), isinstance(c.m, types.MethodType), isinstance(getv, types.MethodType))
c.extra = types.MethodType(getv, c); print(c.extra(1))
m = types.ModuleType('mymod', 'doc'); m.x = 1; print(m.__name__, m.__doc__, m.x, types.ModuleType)
print(types.MethodType, types.FunctionType, types.BuiltinFunctionType, types.GeneratorType, types.CodeType, types.MappingProxyType, types.ModuleType)
Meta = type('Meta', (type,), {})
K = types.new_class('K', (object,), {'metaclass': Meta}, lambda ns: ns.update({'x': 5}))
print(K, K.x, type(K).__name__, types.resolve_bases((int, str)))
meta, ns2, kw = types.prepare_class('Z', (int,), {'metaclass': type}); print(meta, ns2, kw)
print(types.GenericAlias, list[int], isinstance(list[int], types.GenericAlias))
try: types.MethodType(3, c)
except TypeError as e: print(e)
print(bm == types.MethodType(getv, c), repr(types.MethodType(getv, c)).startswith('<bound method getv of '))
mp2 = types.MappingProxyType({'k': [1]})
print(mp2, isinstance(mp2, types.MappingProxyType), isinstance(type.__dict__, types.MappingProxyType), mp2.copy(), sorted(mp2.items()))
