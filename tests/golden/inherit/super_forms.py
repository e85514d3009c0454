# super() in all its forms.
class Base:
    def __init__(self):
        self.log = ["Base"]
    def greet(self, who):
        return "hello " + who
    @classmethod
    def make(cls):
        return "made " + cls.__name__
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def value(self):
        return 10

class Child(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Child")
    def greet(self, who):
        return super().greet(who).upper()
    @classmethod
    def make(cls):
        return "child " + super().make()
    @staticmethod
    def helper(x):
        return super(Child, Child).helper(x) + 1
    @property
    def value(self):
        return super().value + 1
    def nested(self):
        def inner():
            return super(Child, self).greet("inner")
        return inner()
    def uses_class_cell(self):
        return __class__.__name__
    def explicit(self):
        return super(Child, self).greet("explicit")

c = Child()
print(c.log)
print(c.greet("bob"))
print(Child.make(), c.make())
print(Child.helper(5))
print(c.value)
print(c.nested())
print(c.uses_class_cell())
print(c.explicit())
print(super(Child, Child).make())

s = super(Child, c)
print(type(s).__name__)
try:
    s.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    super(Child, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    super(1, c)
except TypeError as e:
    print("TypeError:", e)

class Desc:
    def __get__(self, obj, owner):
        return ("desc", owner.__name__, obj is None)

class P:
    d = Desc()

class Q(P):
    def get(self):
        return super().d

print(Q().get())
