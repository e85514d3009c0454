# __eq__, __lt__ and friends; sorting objects.
class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
    def __le__(self, other):
        return self.n <= other.n
    def __repr__(self):
        return "V" + str(self.n)
a, b, c = V(1), V(2), V(1)
print(a == c, a == b, a != b, a != c)
print(a < b, b < a, a <= c, b > a, a >= b)
print(sorted([V(3), V(1), V(2)]))
print(min(V(5), V(4)), max([V(7), V(9), V(8)]))
print(V(1) in [V(0), V(1)])
l = [V(3), V(1)]
l.sort()
print(l)
class NoEq:
    pass
x = NoEq()
y = NoEq()
print(x == x, x == y, x != y)
class AlwaysEq:
    def __eq__(self, other):
        return True
print(AlwaysEq() == 5, 5 == AlwaysEq(), AlwaysEq() != 5)
