# super() through multiple levels and in other methods.
class A:
    def __init__(self):
        print("A.__init__")
        self.trail = ["A"]
    def hello(self):
        return "A.hello"
class B(A):
    def __init__(self):
        print("B.__init__ start")
        super().__init__()
        self.trail.append("B")
        print("B.__init__ end")
    def hello(self):
        return "B>" + super().hello()
class C(B):
    def __init__(self):
        super().__init__()
        self.trail.append("C")
    def hello(self):
        return "C>" + super().hello()
c = C()
print(c.trail)
print(c.hello())
class D(C):
    pass
print(D().hello())
class Base:
    def __str__(self):
        return "Base.__str__"
class Child(Base):
    def __str__(self):
        return "Child+" + super().__str__()
print(Child())
