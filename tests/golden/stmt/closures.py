# Closures: capture by reference, closures in loops, shared cells.
def adder(n):
    def add(x):
        return x + n
    return add
add3 = adder(3)
print(add3(4), adder(10)(1))
fs = []
for i in range(3):
    def f():
        return i
    fs.append(f)
print(fs[0](), fs[1](), fs[2]())
def make_fs():
    out = []
    for i in range(3):
        def g(i=i):
            return i * i
        out.append(g)
    return out
for g in make_fs():
    print(g())
def make_pair():
    value = [0]
    def get():
        return value[0]
    def set_(v):
        value[0] = v
    return get, set_
get, set_ = make_pair()
set_(42)
print(get())
def counter_factory():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    def peek():
        return n
    return step, peek
step, peek = counter_factory()
step(); step()
print(peek())
def late_binding():
    x = 1
    def show():
        return x
    x = 2
    return show
print(late_binding()())
def compose(f, g):
    return lambda x: f(g(x))
print(compose(lambda x: x + 1, lambda x: x * 2)(5))
