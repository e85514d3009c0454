# Name and address helpers: gethostbyname, getaddrinfo with numeric hosts and localhost,
# inet_aton/inet_ntoa, byte-order conversions, constants.
import socket

print(socket.gethostbyname("localhost"))
print(socket.gethostbyname("127.0.0.1"))
print(isinstance(socket.gethostname(), str) and len(socket.gethostname()) > 0)
for info in socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM):
    family, kind, proto, canon, addr = info
    print(family == socket.AF_INET, kind == socket.SOCK_STREAM, proto, repr(canon), addr)
print(socket.getaddrinfo("localhost", "8080", socket.AF_INET, socket.SOCK_STREAM)[0][4])
print(socket.getaddrinfo("localhost", None, socket.AF_INET, socket.SOCK_DGRAM)[0][4])
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)[0][4])
try:
    socket.getaddrinfo("no.such.host.invalid", 80)
except socket.gaierror as e:
    print(type(e).__name__, isinstance(e, OSError), e.errno == socket.EAI_NONAME)
try:
    socket.gethostbyname("no.such.host.invalid")
except OSError as e:
    print("gethostbyname:", type(e).__name__)

print(socket.inet_aton("1.2.3.4"), socket.inet_aton("127.1"))
print(socket.inet_ntoa(b"\x7f\x00\x00\x01"), socket.inet_ntoa(bytearray(b"\xff\xff\xff\xff")))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.SO_KEEPALIVE, socket.IPPROTO_TCP, socket.TCP_NODELAY)
print(socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR)
print(socket.getdefaulttimeout())

# IPv6 loopback, when the machine has it.
s6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
print(s6.getsockname())
s6.close()

# An option round trip.
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE))
s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 0)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE))
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
s.close()
