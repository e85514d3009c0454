# numbers: the numeric tower, registrations of int/float, mixins and abstract methods.
import numbers

values = [3, True, 2.5, 'x', None, [1]]
for v in values:
    print(repr(v), [isinstance(v, c) for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(int, numbers.Integral), issubclass(bool, numbers.Number), issubclass(float, numbers.Rational))
print(issubclass(numbers.Integral, numbers.Number), issubclass(numbers.Number, numbers.Integral), issubclass(str, numbers.Number))
try:
    numbers.Number.__hash__(1)
except TypeError as e:
    print('TypeError')

class MyInt(numbers.Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    def __pow__(self, e, m=None): return MyInt(pow(self.v, int(e), m))
    def __lshift__(self, o): return MyInt(self.v << int(o))
    def __rlshift__(self, o): return MyInt(int(o) << self.v)
    def __rshift__(self, o): return MyInt(self.v >> int(o))
    def __rrshift__(self, o): return MyInt(int(o) >> self.v)
    def __and__(self, o): return MyInt(self.v & int(o))
    def __rand__(self, o): return MyInt(int(o) & self.v)
    def __xor__(self, o): return MyInt(self.v ^ int(o))
    def __rxor__(self, o): return MyInt(int(o) ^ self.v)
    def __or__(self, o): return MyInt(self.v | int(o))
    def __ror__(self, o): return MyInt(int(o) | self.v)
    def __invert__(self): return MyInt(~self.v)
    def __add__(self, o): return MyInt(self.v + int(o))
    def __radd__(self, o): return MyInt(int(o) + self.v)
    def __neg__(self): return MyInt(-self.v)
    def __pos__(self): return MyInt(self.v)
    def __mul__(self, o): return MyInt(self.v * int(o))
    def __rmul__(self, o): return MyInt(int(o) * self.v)
    def __truediv__(self, o): return self.v / int(o)
    def __rtruediv__(self, o): return int(o) / self.v
    def __rpow__(self, b): return MyInt(int(b) ** self.v)
    def __abs__(self): return MyInt(abs(self.v))
    def __eq__(self, o): return self.v == int(o)
    def __hash__(self): return hash(self.v)
    def __trunc__(self): return self.v
    def __floor__(self): return self.v
    def __ceil__(self): return self.v
    def __round__(self, nd=None): return self.v
    def __floordiv__(self, o): return MyInt(self.v // int(o))
    def __rfloordiv__(self, o): return MyInt(int(o) // self.v)
    def __mod__(self, o): return MyInt(self.v % int(o))
    def __rmod__(self, o): return MyInt(int(o) % self.v)
    def __lt__(self, o): return self.v < int(o)
    def __le__(self, o): return self.v <= int(o)
    def __repr__(self): return 'MyInt(%d)' % self.v

m = MyInt(7)
print(m, isinstance(m, numbers.Rational), float(m), m.numerator, m.denominator, m.real, m.imag, m.conjugate(), m.__index__())
print(m - 2, 10 - m, divmod(m, 2), divmod(20, m), bool(m), bool(MyInt(0)), [10, 20, 30, 40, 50, 60, 70, 80][m])

class Half(numbers.Real):
    pass
try:
    Half()
except TypeError as e:
    print('TypeError:', str(e).split(' with ')[0])
numbers.Number.register(str)
print(isinstance('s', numbers.Number), isinstance('s', numbers.Complex))
