# socket.makefile(): line-based protocols over a socket through file objects, between threads.
import socket
import threading

server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen()
address = server.getsockname()

def serve():
    conn, _ = server.accept()
    with conn:
        reader = conn.makefile("r", encoding="utf-8")
        writer = conn.makefile("w", encoding="utf-8")
        for line in reader:
            writer.write(line.strip().upper() + "\n")
            writer.flush()
        writer.close()
        reader.close()

t = threading.Thread(target=serve)
t.start()
client = socket.create_connection(address)
f = client.makefile("rw")
for word in ("alpha", "béta", "gamma"):
    f.write(word + "\n")
    f.flush()
    print(repr(f.readline()))
client.shutdown(socket.SHUT_WR)
print(repr(f.read()))
f.close()
client.close()
t.join()
server.close()

# Binary files over a socketpair, and a read that times out with the socket's timeout.
a, b = socket.socketpair()
w = a.makefile("wb")
w.write(b"line one\nline two\n")
w.flush()
r = b.makefile("rb")
print(r.readline(), r.read(4))
b.settimeout(0.05)
slow = b.makefile("rb")
try:
    slow.read(100)
except TimeoutError as e:
    print("TimeoutError:", e)
try:
    a.makefile("x")
except ValueError as e:
    print("ValueError:", e)
for s in (a, b):
    s.close()
