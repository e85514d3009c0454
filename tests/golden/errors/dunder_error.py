# Exception raised inside __add__ and __str__ of a user class.
class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Meters(self.v + other.v)

    def __str__(self):
        return str(self.v) + "m"

total = Meters(3) + Meters(4)
print(total)
bad = Meters(1) + 5
