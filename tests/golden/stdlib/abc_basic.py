# abc: abstract methods block instantiation until a subclass defines them all.
from abc import ABC, ABCMeta, abstractmethod, abstractproperty

class Shape(ABC):
    @abstractmethod
    def area(self):
        pass

    @abstractmethod
    def name(self):
        pass

    def describe(self):
        return '%s with area %s' % (self.name(), self.area())

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side * self.side
    def name(self):
        return 'square'

class Half(Shape):
    def area(self):
        return 0

print(Square(3).describe(), isinstance(Square(2), Shape), type(Shape).__name__)
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print('TypeError', e)

class Base(metaclass=ABCMeta):
    @property
    @abstractmethod
    def size(self):
        pass

    @classmethod
    @abstractmethod
    def make(cls):
        pass

class Impl(Base):
    @property
    def size(self):
        return 5
    @classmethod
    def make(cls):
        return cls()

print(Impl.make().size)
try:
    Base()
except TypeError as e:
    print('TypeError', e)

class Old(ABC):
    @abstractproperty
    def value(self):
        pass
try:
    Old()
except TypeError as e:
    print('TypeError', e)

class Concrete(ABC):
    pass
print(type(Concrete()).__name__)
print(Shape.area.__isabstractmethod__)
