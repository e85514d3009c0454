# Threads blocked in socket calls (no timeout) are released by what happens on the other side:
# data, the peer closing, shutdown() from another thread, a connection arriving.
import socket
import threading
import time

results = []


def run(label, f):
    def body():
        try:
            results.append((label, f()))
        except OSError as e:
            results.append((label, type(e).__name__))
    t = threading.Thread(target=body)
    t.start()
    return t


a, b = socket.socketpair()
t = run("recv woken by data", lambda: a.recv(100))
time.sleep(0.05)
b.send(b"data")
t.join()

t = run("recv woken by peer close", lambda: a.recv(100))
time.sleep(0.05)
b.close()
t.join()
a.close()

a, b = socket.socketpair()
t = run("recv woken by shutdown", lambda: a.recv(100))
time.sleep(0.05)
a.shutdown(socket.SHUT_RDWR)
t.join()
a.close()
b.close()

server = socket.create_server(("127.0.0.1", 0))


def accept_one():
    conn, addr = server.accept()
    data = conn.recv(100)
    conn.close()
    return data


t = run("accept woken by a connection", accept_one)
time.sleep(0.05)
c = socket.create_connection(server.getsockname())
c.sendall(b"over the wire")
t.join()
c.close()

# A UDP receiver blocked in recvfrom gets the datagram.
rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rx.bind(("127.0.0.1", 0))
t = run("recvfrom woken by a datagram", lambda: rx.recvfrom(100)[0])
time.sleep(0.05)
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
tx.sendto(b"dgram", rx.getsockname())
t.join()
rx.close()
tx.close()
server.close()

for label, value in results:
    print(label + ":", value)
