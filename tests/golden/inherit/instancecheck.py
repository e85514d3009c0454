# isinstance/issubclass through the MRO, with tuples, and metaclass __instancecheck__/__subclasscheck__.
class A: pass
class B: pass
class C(A, B): pass

print(isinstance(C(), A), isinstance(C(), B), isinstance(A(), C))
print(issubclass(C, (int, B)), issubclass(C, ((str,), (A,))), issubclass(bool, int))

class Duck(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")

class Quacker(metaclass=Duck): pass

class Mallard:
    def quack(self):
        return "quack"

print(isinstance(Mallard(), Quacker), isinstance(3, Quacker), isinstance(Quacker(), Quacker))
print(issubclass(Mallard, Quacker), issubclass(int, Quacker), isinstance(Mallard(), (int, Quacker)))
try:
    issubclass(3, A)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(3, 4)
except TypeError as e:
    print("TypeError:", e)

class L(list): pass
class D(dict): pass
print(isinstance(L(), list), isinstance(D(), dict), issubclass(L, (dict, list)), isinstance([], L))
print(type(L()) is L, type(L([1]) + [2]) is list)
