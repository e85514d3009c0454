# Single inheritance, overriding, super().
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return self.name + " says " + self.speak()
class Cat(Animal):
    def speak(self):
        return "meow"
class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride
    def speak(self):
        return super().speak().upper() + "!"
a = Animal("generic")
c = Cat("Tom")
l = Lion("Leo", "Savanna")
for x in [a, c, l]:
    print(x.describe())
print(l.pride, l.name)
print(isinstance(l, Lion), isinstance(l, Cat), isinstance(l, Animal), isinstance(c, Lion))
print(issubclass(Lion, Animal), issubclass(Animal, Lion), issubclass(Cat, Cat))
print(issubclass(Lion, object), isinstance(5, object))
class Base:
    greeting = "base hello"
    def who(self):
        return "Base.who"
class Derived(Base):
    pass
d = Derived()
print(d.greeting, d.who())
print(Derived.__name__)
class Shape:
    def area(self):
        return 0
    def report(self):
        return type(self).__name__ + " area " + str(self.area())
class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
print(Shape().report(), Rect(2, 3).report(), Square(4).report())
