# super() misuse and attribute errors through super, with CPython's messages.
class A:
    def f(self):
        return "A.f"

class B(A):
    def no_args_outside(self):
        def inner():
            return super().f()
        return inner()

def plain():
    return super()

try:
    plain()
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    B().no_args_outside()
except RuntimeError as e:
    print("RuntimeError:", e)

class C(B):
    def g(self):
        return super().nothing

try:
    C().g()
except AttributeError as e:
    print("AttributeError:", e)

class D(A):
    def f(self):
        return "D>" + super(D, self).f()

print(D().f(), super(D, D()).f(), super(A, D()).__class__.__name__)
try:
    super(D, A())
except TypeError as e:
    print("TypeError:", e)
