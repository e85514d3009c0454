# Class bodies keep simple annotations in __annotations__, in order, value stored first.
class A:
    x: int
    y: str = 'a'
    z: 'later' = 3
    (w): int = 4
    if True:
        v: float


print(A.__annotations__)
print(A.y, A.z, A.w, hasattr(A, 'x'), 'x' in A.__dict__)


class B(A):
    q: list


print(B.__annotations__, '__annotations__' in B.__dict__)


class C:
    def m(self):
        local: int = 1
        return local


print('__annotations__' in C.__dict__, C().m())


def order():
    print('value')
    return 1


def ann():
    print('annotation')
    return int


class D:
    a: ann() = order()


print(D.__annotations__)
