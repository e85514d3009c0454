# __add__, __sub__, __mul__, __neg__, __radd__, etc.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __eq__(self, o):
        return self.x == o.x and self.y == o.y
    def __repr__(self):
        return "Vec(" + str(self.x) + ", " + str(self.y) + ")"
a = Vec(1, 2)
b = Vec(10, 20)
print(a + b, b - a, a * 3, 3 * a, -a)
print(b / 4, b // 3, b % 3)
print(a + b == Vec(11, 22))
c = a
c += b
print(c, a)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    def __radd__(self, other):
        return self.__add__(other)
    def __iadd__(self, other):
        print("iadd called")
        self.cents += other.cents
        return self
    def __str__(self):
        return str(self.cents // 100) + "." + str(self.cents % 100 // 10) + str(self.cents % 10)
print(Money(150) + Money(275))
print(sum([Money(1), Money(2), Money(3)]))
m = Money(100)
m2 = m
m += Money(5)
print(m, m2, m is m2)
print(5 + Money(100))
