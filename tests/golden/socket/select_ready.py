# select.select: readiness of socketpair ends, objects with fileno(), ints, timeouts.
import select
import socket
import threading
import time

a, b = socket.socketpair()
print(select.select([a, b], [], [], 0))
r, w, x = select.select([a, b], [a, b], [a, b], 0)
print(r, w == [a, b], x)

b.send(b"ping")
r, w, x = select.select([a, b], [], [], 0)
print(r == [a], len(r))
print(a.recv(10))
print(select.select([a], [], [], 0.01))

# Plain descriptors and objects with a fileno() method work too; results keep the objects.
class Wrapper:
    def __init__(self, sock):
        self.sock = sock

    def fileno(self):
        return self.sock.fileno()


wa = Wrapper(a)
b.send(b"x")
r, w, x = select.select([wa, b.fileno()], (), [], 1.5)
print(r[0] is wa, len(r), w, x)
a.recv(10)

# A select with no timeout returns once another thread makes a socket readable.
def later():
    time.sleep(0.05)
    b.send(b"wake")


t = threading.Thread(target=later)
t.start()
r, w, x = select.select([a], [], [])
t.join()
print("woken by data:", r == [a], a.recv(10))

# A timeout with nothing ready: three empty lists.
start = time.monotonic()
print(select.select([a], [], [], 0.05), 0.04 <= time.monotonic() - start < 2)
print(select.select([], [], [], 0))

# The peer closing makes the other end readable (recv then returns b"").
b.close()
r, _, _ = select.select([a], [], [], 1)
print(r == [a], a.recv(10))
a.close()
print(select.error is OSError, select.POLLIN, select.POLLOUT)
