# Misuse of sockets and select: CPython's exception types and messages.
import select
import socket


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


s = socket.socket()
attempt("bind str", lambda: s.bind("x"))
attempt("bind 1-tuple", lambda: s.bind(("x",)))
attempt("bind int host", lambda: s.bind((1, 2)))
attempt("bind str port", lambda: s.bind(("127.0.0.1", "a")))
attempt("bind big port", lambda: s.bind(("127.0.0.1", 70000)))
attempt("bind negative port", lambda: s.bind(("127.0.0.1", -1)))
attempt("connect big port", lambda: s.connect(("127.0.0.1", 70000)))
attempt("recv no args", lambda: s.recv())
attempt("recv str", lambda: s.recv("a"))
attempt("recv negative", lambda: s.recv(-1))
attempt("recv 3 args", lambda: s.recv(1, 2, 3))
attempt("send str", lambda: s.send("abc"))
attempt("send no args", lambda: s.send())
attempt("sendall str", lambda: s.sendall("abc"))
attempt("sendto 1 arg", lambda: s.sendto(b"x"))
attempt("sendto 4 args", lambda: s.sendto(b"x", 1, 2, 3))
attempt("settimeout -1", lambda: s.settimeout(-1))
attempt("listen str", lambda: s.listen("a"))
attempt("setsockopt 2 args", lambda: s.setsockopt(1, 2))
attempt("setsockopt str", lambda: s.setsockopt(1, 2, "x"))
attempt("getsockopt 1 arg", lambda: s.getsockopt(1))
attempt("shutdown str", lambda: s.shutdown("a"))
attempt("recv_into too small", lambda: s.recv_into(bytearray(2), 5))
attempt("recv unconnected", lambda: s.recv(1))
attempt("send unconnected", lambda: s.send(b"x"))
attempt("getpeername unconnected", lambda: s.getpeername())
attempt("getsockopt int", lambda: s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
attempt("bad family", lambda: socket.socket(999))
attempt("str family", lambda: socket.socket("a"))
attempt("negative fileno", lambda: socket.socket(fileno=-5))
attempt("bad type", lambda: socket.socket(socket.AF_INET, 999))
attempt("gethostbyname int", lambda: socket.gethostbyname(1))
attempt("inet_aton bad", lambda: socket.inet_aton("300.1.1.1"))
attempt("inet_ntoa bad", lambda: socket.inet_ntoa(b"abc"))
attempt("getaddrinfo list port", lambda: socket.getaddrinfo("localhost", [], socket.AF_INET))

print("-- closed socket")
s.close()
for name, f in [("recv", lambda: s.recv(1)), ("send", lambda: s.send(b"x")),
                ("accept", lambda: s.accept()), ("listen", lambda: s.listen()),
                ("getsockname", lambda: s.getsockname()), ("connect", lambda: s.connect(("127.0.0.1", 1))),
                ("fileno", lambda: s.fileno()), ("close again", lambda: s.close()),
                ("settimeout", lambda: s.settimeout(1))]:
    attempt(name, f)
try:
    s.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.args)

print("-- unix")
u = socket.socket(socket.AF_UNIX)
attempt("bind int", lambda: u.bind(1))
attempt("getsockname unbound", lambda: u.getsockname())
u.close()

print("-- select")
a, b = socket.socketpair()
attempt("negative timeout", lambda: select.select([], [], [], -1))
attempt("str timeout", lambda: select.select([], [], [], "a"))
attempt("str item", lambda: select.select(["a"], [], []))
attempt("negative fd", lambda: select.select([-1], [], [], 0))
attempt("not a sequence", lambda: select.select(1, [], []))
attempt("closed socket", lambda: select.select([s], [], [], 0))
attempt("one argument", lambda: select.select([]))
attempt("five arguments", lambda: select.select([], [], [], 1, 2))
a.close()
b.close()
