# select.poll: register/modify/unregister, readiness in registration order, timeouts in
# milliseconds, errors.
import select
import socket

a, b = socket.socketpair()
p = select.poll()
print(type(p))
p.register(a, select.POLLIN)
p.register(b.fileno())
events = p.poll(0)
print([(fd == b.fileno(), ev == select.POLLOUT) for fd, ev in events])

b.send(b"x")
events = p.poll(10)
print([(fd == a.fileno(), ev) for fd, ev in events])

p.modify(b, select.POLLIN)
print([(fd == a.fileno(), ev) for fd, ev in p.poll(1.5)])
a.recv(10)
print(p.poll(20))
p.unregister(a)
p.register(a, select.POLLOUT)  # re-registered: now after b
print([(fd == b.fileno(), ev) for fd, ev in p.poll()] == [(False, select.POLLOUT)])


b.close()
a.close()


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


q = select.poll()
attempt("unregister missing", lambda: q.unregister(99))
attempt("modify missing", lambda: q.modify(99, 1))
attempt("str timeout", lambda: q.poll("a"))
attempt("str fd", lambda: q.register("a"))
attempt("negative fd", lambda: q.register(-1))
attempt("str mask", lambda: q.register(1, "a"))
attempt("big mask", lambda: q.register(1, 1 << 20))
attempt("two args", lambda: q.poll(1, 2))
attempt("no args", lambda: q.register())
attempt("keyword", lambda: q.poll(timeout=1))
attempt("poll(1)", lambda: select.poll(1))
attempt("empty, zero timeout", lambda: q.poll(0))
