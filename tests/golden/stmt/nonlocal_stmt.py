# nonlocal declarations and closures.
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    print(inner(), inner())
    print("outer sees", x)
outer()
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
def level1():
    v = "L1"
    def level2():
        def level3():
            nonlocal v
            v = "set by L3"
        level3()
    level2()
    return v
print(level1())
def acc():
    total = 0
    items = []
    def add(n):
        nonlocal total
        total += n
        items.append(n)
        return total
    return add, items
add, items = acc()
add(5); add(7)
print(add(1), items)
