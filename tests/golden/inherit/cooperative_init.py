# Cooperative __init__ chains through a diamond, with keyword arguments passed along.
class Root:
    def __init__(self, **kw):
        print("Root", sorted(kw))
        super().__init__()

class Left(Root):
    def __init__(self, left=0, **kw):
        print("Left", left)
        super().__init__(**kw)

class Right(Root):
    def __init__(self, right=0, **kw):
        print("Right", right)
        super().__init__(**kw)

class Bottom(Left, Right):
    def __init__(self, **kw):
        print("Bottom")
        super().__init__(**kw)

Bottom(left=1, right=2)
print([c.__name__ for c in Bottom.__mro__])

# Mixins that add behaviour around a base method.
class Logged:
    def save(self):
        print("log before")
        r = super().save()
        print("log after")
        return r

class Validated:
    def save(self):
        print("validate")
        return super().save()

class Model:
    def save(self):
        print("model save")
        return "saved"

class Doc(Logged, Validated, Model):
    pass

print(Doc().save())

class Counter:
    count = 0
    def bump(self):
        type(self).count += 1
        return self

class ReprMixin:
    def __repr__(self):
        return type(self).__name__ + "(" + ", ".join([f"{k}={v!r}" for k, v in sorted(vars(self).items())]) + ")"

class Point(ReprMixin, Counter):
    def __init__(self, x, y):
        self.x, self.y = x, y

p = Point(1, 2).bump().bump()
print(p, Point.count, Counter.count)
