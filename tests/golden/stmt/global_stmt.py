# global declarations.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter, bump())
def create():
    global created
    created = "made inside function"
create()
print(created)
x = "global x"
def shadow():
    x = "local x"
    return x
print(shadow(), x)
def read_only():
    return x.upper()
print(read_only())
def two():
    global a, b
    a, b = 1, 2
two()
print(a, b)
def inner_global():
    def inner():
        global counter
        counter = 100
    inner()
inner_global()
print(counter)
