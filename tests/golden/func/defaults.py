# Default argument values are evaluated once at definition time.
counter = 0
def next_default():
    global counter
    counter += 1
    print("default evaluated", counter)
    return counter
def f(x=next_default()):
    return x
print(f(), f(), f(99))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Di", greeting="Yo"))
def f2(a, b=2, c=3):
    return a * 100 + b * 10 + c
print(f2(1), f2(1, 5), f2(1, c=9))
