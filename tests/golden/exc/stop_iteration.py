# StopIteration from next() and iterator exhaustion.
it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args)
print(next(it, "default"))
class Once:
    def __init__(self):
        self.done = False
    def __iter__(self):
        return self
    def __next__(self):
        if self.done:
            raise StopIteration("finished")
        self.done = True
        return "only value"
o = Once()
for v in o:
    print(v)
try:
    next(o)
except StopIteration as e:
    print("message:", e)
e = iter("ab")
print(list(e), list(e))
d = iter({"k": 1})
print(next(d), next(d, None))
