# Enum lookups and definitions that fail, with CPython's messages.
from enum import Enum, unique

class Color(Enum):
    RED = 1
    GREEN = 2

def attempt(label, f):
    try:
        print(label, 'ok', f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('value', lambda: Color(3))
attempt('str value', lambda: Color('RED'))
attempt('name', lambda: Color['BLUE'])
attempt('order', lambda: Color.RED < Color.GREEN)

def extend():
    class More(Color):
        BLUE = 3
attempt('extend', extend)

def dup():
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
attempt('unique', dup)

class WithMissing(Enum):
    LOW = 1
    HIGH = 2
    @classmethod
    def _missing_(cls, value):
        return cls.LOW
print(WithMissing(99))
attempt('attr', lambda: Color.PURPLE)
attempt('dunder attr', lambda: Color.__nothing__)
print(hasattr(Color, 'PURPLE'), hasattr(Color, 'RED'), getattr(Color, 'BLUE', 'default'))
