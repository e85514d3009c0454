# __getattribute__ / __getattr__ overrides through inheritance and mixins.
class Tracing:
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return super().__getattribute__(name)

class Data:
    def __init__(self):
        self.v = 1
    def m(self):
        return "m"

class Traced(Tracing, Data):
    pass

t = Traced()
print(t.v)
print(t.m())

class Fallback:
    def __getattr__(self, name):
        return "fallback:" + name

class Both(Fallback, Data):
    pass

b = Both()
print(b.v, b.nope)

class Proxy(list):
    def __getattr__(self, name):
        return name.upper()

pr = Proxy([1])
pr.append(2)
print(pr.anything, pr, len(pr))
