# A threaded TCP echo server on loopback with several concurrent clients: accept, recv, sendall,
# shutdown, getpeername, the with statement, and threads blocked in socket calls.
import socket
import threading

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("reuseaddr set:", server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
server.bind(("127.0.0.1", 0))
server.listen(8)
host, port = server.getsockname()
print("listening on", host, "port is an int:", isinstance(port, int) and port > 0)

handled = []
handled_lock = threading.Lock()


def handle(conn, addr):
    # Echo upper-cased data until the client shuts down its sending side.
    with conn:
        total = 0
        while True:
            data = conn.recv(7)  # small, so messages arrive in several pieces
            if not data:
                break
            total += len(data)
            conn.sendall(data.upper())
        with handled_lock:
            handled.append(total)


def serve(count):
    workers = []
    for _ in range(count):
        conn, addr = server.accept()
        assert addr[0] == "127.0.0.1"
        t = threading.Thread(target=handle, args=(conn, addr))
        t.start()
        workers.append(t)
    for t in workers:
        t.join()


CLIENTS = 5
acceptor = threading.Thread(target=serve, args=(CLIENTS,))
acceptor.start()

replies = {}


def client(n):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as c:
        assert c.getpeername() == ("127.0.0.1", port)
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        message = ("client %d says hello " % n) * (n + 1)
        c.sendall(message.encode())
        c.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            data = c.recv(1024)
            if not data:
                break
            chunks.append(data)
        replies[n] = b"".join(chunks).decode()


clients = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
for t in clients:
    t.start()
for t in clients:
    t.join()
acceptor.join()
server.close()

for n in range(CLIENTS):
    print(n, replies[n][:40], len(replies[n]))
print("server handled", sorted(handled))
print("server closed:", server.fileno())

# A bigger transfer than the socket buffers hold: sendall must loop while the peer drains.
a, b = socket.socketpair()
payload = bytes(range(256)) * 4096  # 1 MiB
got = []


def drain():
    n = 0
    while n < len(payload):
        chunk = b.recv(65536)
        if not chunk:
            break
        got.append(chunk)
        n += len(chunk)


reader = threading.Thread(target=drain)
reader.start()
print("sendall returns", a.sendall(payload))
reader.join()
print("received intact:", b"".join(got) == payload)
a.close()
b.close()
