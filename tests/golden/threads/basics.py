# threading.Thread: names, reprs, start/join/is_alive, daemon, errors.
import threading
import _thread


def show(t):
    # Thread reprs end with the ident, which changes from run to run.
    r = repr(t)
    if t.ident is not None:
        r = r.replace(str(t.ident), "IDENT")
    return r


def error(f):
    try:
        f()
    except Exception as e:
        print("  ", type(e).__name__ + ":", e)


results = []


def worker(n, scale=1, tag="w"):
    results.append((tag, n * scale, threading.current_thread().name))


print("-- target, args, kwargs")
t = threading.Thread(target=worker, args=(3,), kwargs={"scale": 10, "tag": "x"})
print(show(t), t.name, t.ident, t.native_id, t.daemon, t.is_alive())
t.start()
t.join()
print(show(t), t.is_alive(), results)
print(type(t.ident).__name__, type(t.native_id).__name__, t.ident != threading.get_ident())

print("-- automatic names")
names = [threading.Thread(target=worker).name,
         threading.Thread().name,
         threading.Thread(target=lambda: None).name,
         threading.Thread(name="custom").name,
         threading.Thread(name=42).name,
         threading.Thread(name="").name]


class CallMe:
    def __call__(self):
        pass


names.append(threading.Thread(target=CallMe()).name)
print(names)
t = threading.Thread(target=worker, args=(1,))
t.name = "renamed"
print(t.name)
t.name = 7
print(repr(t.name))

print("-- main thread")
main = threading.main_thread()
print(show(main), main.name, main is threading.current_thread(), main.daemon)
print(main.ident == threading.get_ident(), main.is_alive())
print(threading.get_native_id() == main.native_id)

print("-- current_thread in a thread")
seen = []


def who():
    me = threading.current_thread()
    seen.append((me.name, me.ident == threading.get_ident(), me is threading.main_thread()))


ts = [threading.Thread(target=who, name="who-%d" % i) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen))

print("-- is_alive, join with a timeout, enumerate, active_count")
go = threading.Event()
ready = threading.Event()


def waiter():
    ready.set()
    go.wait()


t = threading.Thread(target=waiter, name="sleepy")
before = threading.active_count()
t.start()
ready.wait()
print(t.is_alive(), show(t))
t.join(0.05)
print("still alive after join(0.05):", t.is_alive())
t.join(timeout=-1)
print("still alive after join(-1):", t.is_alive())
print(threading.active_count() - before, sorted([x.name for x in threading.enumerate()]))
go.set()
t.join()
print(t.is_alive(), show(t), threading.active_count() - before)
print([x.name for x in threading.enumerate()])
t.join()
t.join(1)
print("joined again")

print("-- daemon")
d = threading.Thread(target=worker, args=(5,), daemon=True)
print(d.daemon, show(d))
d.start()
d.join()
print(show(d))
n = threading.Thread(target=worker, args=(6,))
print(n.daemon)
n.daemon = True
print(n.daemon)
n.daemon = False


def inherit():
    child = threading.Thread(target=worker, args=(7,))
    results.append(("child daemon", child.daemon))


d = threading.Thread(target=inherit, daemon=True)
d.start()
d.join()
print(results[-1])
error(lambda: setattr(d, "daemon", False))

print("-- errors")
t = threading.Thread(target=worker, args=(8,))
error(t.join)
t.start()
error(t.start)
t.join()
error(t.start)
error(lambda: threading.Thread(group=1))
error(main.join)
errors = []


def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        errors.append(str(e))


t = threading.Thread(target=join_self)
t.start()
t.join()
print(errors)


class NoInit(threading.Thread):
    def __init__(self):
        pass


bad = NoInit()
error(bad.start)
error(bad.join)
error(lambda: setattr(bad, "daemon", True))

print("-- subclasses")


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name="counter-%d" % n)
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n + 1):
            self.total += i


cs = [Counter(n) for n in (10, 100, 1000)]
for c in cs:
    c.start()
for c in cs:
    c.join()
print([(c.name, c.total) for c in cs])
print(show(cs[0]).replace("IDENT", "X"))


class Plain(threading.Thread):
    pass


p = Plain(target=worker, args=(9,), kwargs={"tag": "plain"})
print(p.name.startswith("Thread-"), p.name.endswith(" (worker)"))
p.start()
p.join()
print(results[-1][:2], show(p).startswith("<Plain("))

print("-- a thread started by _thread")
lock = _thread.allocate_lock()
lock.acquire()
dummy = []


def raw():
    me = threading.current_thread()
    dummy.append((me.name.startswith("Dummy-"), me.daemon, me.is_alive(),
                  type(me).__name__, me is threading.current_thread(),
                  me in threading.enumerate(), show(me).replace(me.name, "NAME")))
    lock.release()


_thread.start_new_thread(raw, ())
lock.acquire()
print(dummy)
