# close(): GeneratorExit at the yield; finally blocks run.
def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")

it = g()
print(next(it))
print(it.close())
print(list(it))
print(it.close())

# Closing an unstarted generator runs nothing.
it = g()
it.close()
print(list(it))

# Catching GeneratorExit and returning is fine.
def catches():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        return "ignored value"
c = catches()
next(c)
print(c.close())

# Yielding after GeneratorExit is an error.
stop = False
def stubborn():
    while not stop:
        try:
            yield 1
        except GeneratorExit:
            print("refusing")
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(s.gi_frame is not None, s.gi_running)
stop = True
print(list(s))

# Another exception raised on close propagates.
def raiser():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("from close")
r = raiser()
next(r)
try:
    r.close()
except ValueError as e:
    print("ValueError:", e, type(e.__context__).__name__)

# GeneratorExit is a BaseException, not an Exception.
print(issubclass(GeneratorExit, BaseException), issubclass(GeneratorExit, Exception))
def broad():
    try:
        yield 1
    except Exception:
        print("not reached")
    finally:
        print("broad finally")
b = broad()
next(b)
b.close()

# A with block inside a generator is exited on close.
class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
def with_gen():
    with CM():
        yield "inside"
w = with_gen()
print(next(w))
w.close()

# close() while running.
def closer():
    me.close()
    yield
me = closer()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# Explicit close after break (gilvm does not close on collection, so be explicit).
def numbers():
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print("numbers closed")
nums = numbers()
for x in nums:
    if x == 3:
        break
print("broke at", x)
nums.close()
