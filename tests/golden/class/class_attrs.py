# Class attributes vs instance attributes, methods stored on class.
class Config:
    debug = False
    items = []
    def enable(self):
        self.debug = True
a = Config()
b = Config()
a.enable()
print(a.debug, b.debug, Config.debug)
a.items.append("shared")
print(b.items, Config.items)
b.items = ["own"]
print(a.items, b.items)
Config.debug = "class-level"
print(a.debug, b.debug)
class Temp:
    scale = "C"
    def __init__(self, deg):
        self.deg = deg
    def show(self):
        return str(self.deg) + self.scale
t = Temp(20)
print(t.show())
Temp.scale = "F"
print(t.show())
t.scale = "K"
print(t.show(), Temp(1).show())
class WithConstants:
    A = 1
    B = A + 1
    C = [A, B]
print(WithConstants.B, WithConstants.C)
def external(self):
    return "external method on " + type(self).__name__
Temp.ext = external
print(t.ext())
