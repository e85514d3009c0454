# threading.local: per-thread attributes, subclasses with __init__.
import threading


def error(f):
    try:
        f()
    except Exception as e:
        print("  ", type(e).__name__ + ":", e)


def run(f, *args):
    t = threading.Thread(target=f, args=args)
    t.start()
    t.join()


print("-- plain local")
data = threading.local()
print(type(data), type(data).__name__, type(data).__module__)
data.x = "main"
data.items = [1]
print(data.x, data.__dict__)
seen = []


def use(n):
    seen.append(("before", hasattr(data, "x"), dict(data.__dict__)))
    data.x = n
    data.items = [n]
    data.items.append(n * 2)
    seen.append(("after", data.x, data.items, sorted(data.__dict__)))


ts = [threading.Thread(target=use, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for s in sorted(seen, key=repr):
    print(s)
print("main still has:", data.x, data.items)
del data.x
print(hasattr(data, "x"), data.__dict__)
error(lambda: data.x)
error(lambda: delattr(data, "x"))
error(lambda: setattr(data, "__dict__", {}))
error(lambda: threading.local(1))
error(lambda: threading.local(a=1))
data.__dict__["y"] = 5
print(data.y)

print("-- values do not outlive their thread")
results = []


def first():
    data.secret = "from the first thread"
    results.append(data.secret)


def second():
    results.append(getattr(data, "secret", "nothing"))


# The second thread often gets the first one's ident: it must not see its values.
for i in range(5):
    run(first)
    run(second)
print(results)
print(getattr(data, "secret", "main sees nothing"))

print("-- two locals are independent")
a = threading.local()
b = threading.local()


def two():
    a.v = "a"
    b.v = "b"
    results.append((a.v, b.v))


results = []
run(two)
print(results, hasattr(a, "v"), hasattr(b, "v"))

print("-- subclass with __init__, class attributes and methods")


class Account(threading.local):
    bank = "First Bank"
    opened = 0

    def __init__(self, owner, balance=0, **extra):
        Account.opened += 1
        self.owner = owner
        self.balance = balance
        self.extra = extra

    def deposit(self, n):
        self.balance += n
        return self.balance

    @property
    def summary(self):
        return "%s: %s at %s" % (self.owner, self.balance, self.bank)


acct = Account("ann", 10, note="x")
print(Account.opened, acct.summary, acct.extra)
acct.deposit(5)
print(acct.summary)
out = []


def in_thread(n):
    # __init__ runs again in this thread, with the same arguments.
    out.append((n, acct.summary, acct.extra))
    acct.deposit(n)
    out.append((n, acct.summary))


ts = [threading.Thread(target=in_thread, args=(i * 100,)) for i in range(1, 4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for o in sorted(out, key=repr):
    print(o)
print(Account.opened, acct.summary)
acct.bank = "per-thread bank"
print(acct.summary, Account.bank)
run(lambda: out.append(acct.summary))
print(out[-1])
error(lambda: setattr(acct, "summary", 1))
error(lambda: acct.missing)
print(type(acct).__name__, isinstance(acct, threading.local))

print("-- subclass without __init__")


class Plain(threading.local):
    color = "red"

    def paint(self, c):
        self.color = c


p = Plain()
error(lambda: Plain(1))
p.paint("blue")
run(lambda: out.append(p.color))
print(p.color, out[-1], Plain.color)

print("-- __init__ that fails in a thread")


class Picky(threading.local):
    def __init__(self):
        if threading.current_thread() is not threading.main_thread():
            raise ValueError("only the main thread")
        self.ok = True


pk = Picky()
print(pk.ok)


def picky():
    try:
        pk.ok
    except ValueError as err:
        out.append(str(err))
    try:
        pk.ok
    except ValueError as err:
        out.append("again: " + str(err))


run(picky)
print(out[-2:])

print("-- a custom __getattr__ still works")


class Defaults(threading.local):
    def __getattr__(self, name):
        return "default " + name


dd = Defaults()
dd.x = 1
print(dd.x, dd.y)
run(lambda: out.append((dd.x, dd.y)))
print(out[-1])
