# Instances keep their class alive after the function that made the class returns.
def make(n):
    class Local:
        def __init__(self):
            self.items = [n, n + 1]

        def __repr__(self):
            return 'Local(%r)' % (self.items,)
    return Local()


objs = [make(i) for i in range(40)]
junk = [[i] * 10 for i in range(3000)]
print(objs[0], objs[39], type(objs[3]).__name__, [type(o).__name__ for o in objs[:2]])
