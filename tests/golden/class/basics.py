# Class definition, __init__, methods, instance and class attributes.
class Dog:
    species = "canis familiaris"
    count = 0
    def __init__(self, name, age):
        self.name = name
        self.age = age
        Dog.count += 1
    def bark(self):
        return self.name + " says woof"
    def birthday(self):
        self.age += 1
        return self.age
d1 = Dog("Rex", 3)
d2 = Dog("Fido", 5)
print(d1.name, d1.age, d2.name, d2.age)
print(d1.bark())
print(d2.birthday(), d2.age)
print(Dog.count, d1.count, d1.species)
print(Dog.bark(d2))
m = d1.bark
print(m())
print(type(d1).__name__, type(d1) is Dog, isinstance(d1, Dog))
print(Dog.__name__)
class Empty:
    pass
e = Empty()
e.anything = [1, 2]
print(e.anything)
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self
c = Counter()
c.inc().inc().inc()
print(c.n)
