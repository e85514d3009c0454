# Timeouts: recv, accept and connect give up with TimeoutError ("timed out"); non-blocking calls
# raise BlockingIOError; a timeout is a total for sendall.
import socket
import time

a, b = socket.socketpair()
a.settimeout(0.05)
start = time.monotonic()
try:
    a.recv(10)
except TimeoutError as e:
    print("recv:", type(e).__name__, e, e.errno, e.args)
print("waited about the timeout:", 0.04 <= time.monotonic() - start < 2)
print(socket.timeout is TimeoutError, socket.error is OSError)

try:
    a.recv(10)
except socket.timeout as e:
    print("again:", e)

# Non-blocking: no data means BlockingIOError (EAGAIN).
a.setblocking(False)
try:
    a.recv(10)
except BlockingIOError as e:
    print("non-blocking:", type(e).__name__, e.errno, e)
a.settimeout(0.0)
try:
    a.recv(10)
except OSError as e:
    print("timeout 0:", type(e).__name__, e)

# Data that is already there arrives without waiting, timeout or not.
b.send(b"ready")
print(a.recv(10))

# A send that cannot finish in time: fill the buffers, then sendall with a timeout.
b.settimeout(0.1)
try:
    while True:
        b.sendall(b"x" * 65536)
except TimeoutError as e:
    print("sendall:", e)
a.close()
b.close()

# accept with a timeout and nobody connecting.
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
server.settimeout(0.05)
try:
    server.accept()
except TimeoutError as e:
    print("accept:", e)

# A connection to a listening socket completes within the timeout.
client = socket.create_connection(server.getsockname(), timeout=1)
print("create_connection timeout:", client.gettimeout())
conn, addr = server.accept()
print("accepted socket is blocking:", conn.gettimeout(), conn.getblocking())
print(addr == client.getsockname(), conn.getsockname() == server.getsockname())
for s in (conn, client, server):
    s.close()

try:
    socket.socket().settimeout(-1)
except ValueError as e:
    print("ValueError:", e)

# setdefaulttimeout applies to sockets created afterwards, accepted ones included.
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
a, b = socket.socketpair()
print(a.gettimeout(), b.gettimeout(), socket.getdefaulttimeout())
server = socket.create_server(("127.0.0.1", 0))
client = socket.create_connection(server.getsockname())
conn, _ = server.accept()
print(server.gettimeout(), client.gettimeout(), conn.gettimeout())
for s in (a, b, server, client, conn):
    s.close()
for bad in (-1, "x"):
    try:
        socket.setdefaulttimeout(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    socket.setdefaulttimeout()
except TypeError as e:
    print(e)
socket.setdefaulttimeout(None)
print(socket.socket().gettimeout(), socket.getdefaulttimeout())
