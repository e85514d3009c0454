# iter(callable, sentinel) calls until the sentinel comes back (compared with ==).
data = [1, 2, 3, 0, 4]
it = iter(data.pop, 3)
print(type(it).__name__)
print(list(it), data)
print(list(it))                      # stays exhausted

counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))

class Stop:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(iter(Stop(), None)))
print(next(iter(lambda: 1.0, 1), "sentinel reached at once"))
for bad in [(5, 1), ("abc", "x")]:
    try:
        iter(*bad)
    except TypeError as e:
        print("TypeError:", e)
def boom():
    raise ValueError("from the callable")
try:
    next(iter(boom, None))
except ValueError as e:
    print("ValueError:", e)
