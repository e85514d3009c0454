# Connecting to a port nobody listens on (one that was just closed): ConnectionRefusedError from
# connect and create_connection, the errno from connect_ex.
import socket

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
address = probe.getsockname()
probe.close()

s = socket.socket()
try:
    s.connect(address)
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror)
    print(e)
    print(isinstance(e, OSError), isinstance(e, ConnectionError))
s.close()

s = socket.socket()
print("connect_ex:", s.connect_ex(address))
s.close()

s = socket.socket()
s.settimeout(2)
try:
    s.connect(address)
except OSError as e:
    print("with a timeout:", type(e).__name__, e)
s.close()

try:
    socket.create_connection(address, timeout=2)
except OSError as e:
    print("create_connection:", type(e).__name__, e)

# A successful connect_ex returns 0.
server = socket.create_server(("127.0.0.1", 0))
c = socket.socket()
print("connect_ex to a listener:", c.connect_ex(server.getsockname()))
conn, _ = server.accept()
conn.close()
c.close()

# Binding an address in use.
other = socket.socket()
try:
    other.bind(server.getsockname())
except OSError as e:
    print("bind:", type(e).__name__, e.errno, e.strerror)
other.close()
try:
    socket.create_server(server.getsockname())
except OSError as e:
    print("create_server:", type(e).__name__, e.errno, str(e).split(" (")[0])
server.close()
