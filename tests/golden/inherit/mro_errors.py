# MRO and base-list errors, with CPython's messages.
class A: pass
class B(A): pass
class X: pass
class Y: pass
class Z(X, Y): pass

def attempt(label, make):
    try:
        make()
        print(label, "ok")
    except TypeError as e:
        print(label, "TypeError:", e)

def inconsistent():
    class C(A, B): pass
attempt("A, B", inconsistent)

def object_first():
    class C(object, A): pass
attempt("object, A", object_first)

def three():
    class W(Y, X, Z): pass
attempt("Y, X, Z", three)

def dup():
    class C(A, A): pass
attempt("dup", dup)

def layout():
    class C(int, str): pass
attempt("int, str", layout)

def layout2():
    class C(list, dict): pass
attempt("list, dict", layout2)

def not_type():
    class C(A, 3): pass
attempt("not a type", not_type)

def bool_base():
    class C(bool): pass
attempt("bool", bool_base)

def ok_exc():
    class E(ValueError, KeyError): pass
    print([t.__name__ for t in E.__mro__])
    try:
        raise E("boom")
    except KeyError as e:
        print("caught as KeyError:", repr(e))
attempt("ValueError, KeyError", ok_exc)

def mixed_ok():
    class M: pass
    class L(M, list): pass
    print([t.__name__ for t in L.__mro__], L.__base__.__name__)
attempt("mixin + list", mixed_ok)
