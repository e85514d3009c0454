# abc: register(), __subclasshook__ and virtual subclasses in isinstance/issubclass.
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Shape and any('area' in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented
class Sq:
    def area(self): return 4
class Circle(Shape):
    def area(self): return 3
print(isinstance(Sq(), Shape), issubclass(Sq, Shape), isinstance(Circle(), Shape), isinstance(1, Shape))
class Animal(metaclass=ABCMeta): pass
class Dog: pass
Animal.register(Dog)
class Puppy(Dog): pass
print(issubclass(Dog, Animal), issubclass(Puppy, Animal), isinstance(Puppy(), Animal), issubclass(int, Animal))
class Mammal(Animal): pass
print(issubclass(Dog, Mammal), issubclass(Mammal, Animal))
Mammal.register(int)
print(issubclass(int, Animal), isinstance(3, Mammal), issubclass(bool, Animal))
try: Animal.register(Animal)
except Exception as e: print(type(e).__name__, e)
try: Mammal.register(Animal)
except Exception as e: print(type(e).__name__, e)
