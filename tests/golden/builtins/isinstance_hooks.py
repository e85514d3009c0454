# isinstance/issubclass: tuples are checked item by item, and any object whose type defines
# __instancecheck__/__subclasscheck__ may stand as the class.
class Anything:
    def __instancecheck__(self, obj):
        return True

    def __subclasscheck__(self, cls):
        return cls is int


print(isinstance(1, Anything()), isinstance("s", Anything()))
print(issubclass(int, Anything()), issubclass(str, Anything()))
print(isinstance(1, (int, 3)), isinstance(1, (str, (float, int))))
for args in [(1, 3), (1, (str, 3)), (int, 3)]:
    try:
        print(isinstance(*args))
    except TypeError as e:
        print("TypeError:", e)
for args in [(int, 3), (1, int), (int, (str, 3))]:
    try:
        print(issubclass(*args))
    except TypeError as e:
        print("TypeError:", e)


class Meta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")


class Duck(metaclass=Meta):
    pass


class Robot:
    quack = True


print(isinstance(Robot(), Duck), isinstance(1, Duck), isinstance(Duck(), Duck), isinstance(Robot(), (int, Duck)))
