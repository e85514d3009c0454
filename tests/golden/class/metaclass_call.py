# A metaclass __call__ decides what calling the class returns (here: one cached instance
# per argument, and __init__ only runs when the metaclass asks for it).
class Cached(type):
    def __init__(cls, name, bases, namespace):
        cls.cache = {}

    def __call__(cls, key):
        if key not in cls.cache:
            obj = cls.__new__(cls)
            obj.__init__(key)
            cls.cache[key] = obj
        return cls.cache[key]


class Token(metaclass=Cached):
    made = 0

    def __init__(self, key):
        Token.made += 1
        self.key = key


a = Token('x')
b = Token('x')
c = Token('y')
print(a is b, a is c, a.key, c.key, Token.made, sorted(Token.cache))
