# return in a generator: StopIteration.value, dropped by for loops and list().
def g(n):
    for i in range(n):
        yield i
    return "result %d" % n

print(list(g(3)))
it = g(1)
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)

def none_return():
    yield 1
    return
it = none_return()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)

def tuple_return():
    yield 1
    return (1, 2)
it = tuple_return()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)

# A return before any yield still makes a generator.
def early(flag):
    if flag:
        return "early"
    yield "late"
print(list(early(True)), list(early(False)))
try:
    next(early(True))
except StopIteration as e:
    print("value", e.value)

# Return from inside try/finally and with.
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit", a[0])
        return False

def tricky():
    try:
        with CM():
            yield 1
            return "from with"
    finally:
        print("finally")
it = tricky()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value:", e.value)

# Return inside a loop with break/continue.
def loops():
    for i in range(10):
        if i % 2:
            continue
        if i > 5:
            return i
        yield i
print(list(loops()))
