# Diamond and wider hierarchies: __mro__, mro(), __bases__, __base__, attribute lookup order.
class A:
    x = "A"
    def who(self):
        return "A"

class B(A):
    def who(self):
        return "B>" + super().who()

class C(A):
    x = "C"
    def who(self):
        return "C>" + super().who()

class D(B, C):
    def who(self):
        return "D>" + super().who()

def names(seq):
    return [t.__name__ for t in seq]

print(names(D.__mro__))
print(names(D.mro()))
print(names(D.__bases__), D.__base__.__name__)
print(D().who())
print(D.x, D().x)
print(isinstance(D(), C), issubclass(D, A), issubclass(C, B))
print(isinstance(D(), (int, C)), issubclass(D, (str, B)))

# The classic C3 example.
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print(names(Aa.__mro__))

class K1: pass
class K2: pass
class K3: pass
class Z1(K1, K2): pass
class Z2(K2, K3): pass
class Z(Z1, Z2): pass
print(names(Z.__mro__))
print(names(Z.__bases__))
print(type.mro(Z) == list(Z.__mro__))
print(names(object.__bases__), object.__base__)
print(names(A.__subclasses__()))
print(names(K2.__subclasses__()))
