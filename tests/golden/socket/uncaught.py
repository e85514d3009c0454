# An uncaught socket error: the traceback names the user's line, as for any built-in call.
import socket

a, b = socket.socketpair()
print(a.send(b"x"))
a.close()
b.recv(1)
print(b.recv(1))
a.recv(1)
