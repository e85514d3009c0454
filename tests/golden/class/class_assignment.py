# obj.__class__ = cls: only between user classes whose instances have one layout.

class A: pass
class B: pass
class S:
    __slots__ = ("a",)
class T:
    __slots__ = ("a",)
class U:
    __slots__ = ("b",)
class L(list): pass
class M(list): pass
class E(Exception): pass
a = A()
for v in [B, 1, S, int, L]:
    try:
        a.__class__ = v
        print("ok", type(a).__name__)
    except TypeError as e:
        print("TypeError:", e)
s = S()
for v in [T, U, A]:
    try:
        s.__class__ = v
        print("ok", type(s).__name__)
    except TypeError as e:
        print("TypeError:", e)
l = L()
l.__class__ = M
print(type(l).__name__)
try:
    l.__class__ = list
except TypeError as e:
    print("TypeError:", e)
try:
    del a.__class__
except TypeError as e:
    print("TypeError:", e)
x = 5
try:
    x.__class__ = bool
except TypeError as e:
    print("TypeError:", e)
e = E()
e.__class__ = ValueError
