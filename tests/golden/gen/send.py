# send(): the value becomes the result of the yield expression.
def echo():
    print("started")
    received = yield "ready"
    while True:
        print("got", received)
        if received == "stop":
            return "stopped"
        received = yield received * 2

g = echo()
print(g.send(None))
print(g.send(3))
print(g.send("ab"))
try:
    g.send("stop")
except StopIteration as e:
    print("StopIteration value:", e.value)

# Sending a non-None value first is an error, and the generator stays unstarted.
g = echo()
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)
print(next(g))

# send() arity.
try:
    g.send()
except TypeError as e:
    print("TypeError:", e)
try:
    g.send(1, 2)
except TypeError as e:
    print("TypeError:", e)

# A running average coroutine-style generator.
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

a = averager()
next(a)
for v in [10, 20, 30, 5]:
    print(a.send(v))

# x = yield inside expressions.
def exprs():
    x = (yield 1) + (yield 2)
    print("sum", x)
    z = yield
    print("z", z)
g = exprs()
print(next(g), g.send(10), g.send(20))
try:
    g.send("zed")
except StopIteration:
    print("done")

# send on a finished generator
try:
    g.send(None)
except StopIteration as e:
    print("finished:", e.args)

# Generator already executing.
def selfref():
    yield me.send(None)
me = selfref()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
def selfnext():
    yield next(me2)
me2 = selfnext()
try:
    next(me2)
except ValueError as e:
    print("ValueError:", e)
print(list(me2))

def running():
    print("running:", r.gi_running)
    yield
r = running()
print(r.gi_running)
next(r)
print(r.gi_running)
