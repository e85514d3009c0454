# socketpair: both ends, recv flags, shutdown, detach/fileno, close semantics, with, repr.
import socket

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.proto)
print(a.getsockname(), a.getpeername())
print(a.send(b"hello"), a.send(bytearray(b" world")))
print(b.recv(3))
print(b.recv(100, socket.MSG_PEEK))
print(b.recv(100))
b.sendall(b"")
a.sendall(b"viewed")
print(b.recv(6))

# shutdown(SHUT_WR) makes the peer's recv return b"" (end of stream).
a.shutdown(socket.SHUT_WR)
print(b.recv(10))
b.send(b"still open the other way")
print(a.recv(100))

# Timeouts and blocking mode.
print(a.gettimeout(), a.getblocking(), a.timeout)
a.settimeout(2)
print(a.gettimeout(), a.getblocking())
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
a.settimeout(None)
print(a.gettimeout(), a.getblocking())

# with closes; close twice is fine; a closed socket's fileno is -1.
with a:
    print("inside with:", a.fileno() >= 0)
print("after with:", a.fileno())
a.close()
r = repr(a)
print(r)

fd = b.fileno()
print(b.detach() == fd, b.fileno())
c = socket.socket(fileno=fd)
print(c.family == socket.AF_UNIX, c.type, c.proto, c.getblocking())
c.close()

# The pair's other ends, after the peer is closed: recv returns b"", send breaks the pipe.
x, y = socket.socketpair()
x.close()
print(y.recv(10))
try:
    y.send(b"nobody there")
except BrokenPipeError as e:
    print(type(e).__name__, e.errno, e)
y.close()

# repr of a bound TCP socket, with fd and port masked out.
s = socket.socket()
s.bind(("127.0.0.1", 0))
expected = "<socket.socket fd=%d, family=2, type=1, proto=0, laddr=('127.0.0.1', %d)>" % (
    s.fileno(), s.getsockname()[1])
print(repr(s) == expected)
s.close()
print(repr(s))
print(type(s))

# fromfd duplicates the descriptor; socket.close(fd) closes a bare descriptor.
a, b = socket.socketpair()
c = socket.fromfd(a.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
print(c.fileno() != a.fileno(), c.family == socket.AF_UNIX)
c.send(b"via the duplicate")
print(b.recv(100))
fd = c.detach()
socket.close(fd)
for f in (lambda: socket.close(fd), lambda: socket.dup(-1), lambda: socket.fromfd(-1, 2, 1)):
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e)
a.close()
b.close()
