# UDP on loopback: sendto/recvfrom, connected datagram sockets, message boundaries.
import socket

rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rx.bind(("127.0.0.1", 0))
addr = rx.getsockname()
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(tx.family, tx.type, tx.proto)
print("sent", tx.sendto(b"first datagram", addr))
print("sent", tx.sendto(b"second", 0, addr))
data, sender = rx.recvfrom(100)
print(data, sender[0], sender == tx.getsockname())
data, sender = rx.recvfrom(3)  # a datagram is cut to the buffer; the rest is dropped
print(data)

rx.settimeout(0.05)
try:
    rx.recvfrom(100)
except socket.timeout as e:
    print("nothing left:", type(e).__name__, e)

# A connected datagram socket can use send/recv.
tx.connect(addr)
tx.send(b"connected")
print(rx.recv(100))
rx.sendto(b"reply", tx.getsockname())
print(tx.recvfrom(100)[0])
print(tx.getpeername() == addr)

# recv_into a bytearray.
buf = bytearray(8)
tx.send(b"abc")
n = rx.recv_into(buf)
print(n, buf)
tx.send(b"wxyz")
n = rx.recv_into(buf, 2)
print(n, buf)

for s in (rx, tx):
    s.close()
print("closed")
