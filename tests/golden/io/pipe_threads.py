# A thread blocked reading a pipe through a file object holds no GIL: the main thread keeps
# computing, then feeds the pipe, and the reader sees every line and the end of file.
import os
import threading

r, w = os.pipe()
reader = open(r, "r")
writer = open(w, "w")
got = []

def read_lines():
    for line in reader:
        got.append(line.rstrip("\n"))
    got.append("EOF")

t = threading.Thread(target=read_lines)
t.start()
total = 0
for i in range(300000):
    total += i
for word in ("alpha", "beta", "gamma"):
    writer.write(word + "\n")
    writer.flush()
writer.close()
t.join()
reader.close()
print(total, got)

# Binary pipes through os.fdopen-style open(fd, "rb"): large writes arrive intact.
r, w = os.pipe()
data = bytes(range(256)) * 1000
def write_all():
    with open(w, "wb") as f:
        f.write(data)
t = threading.Thread(target=write_all)
t.start()
with open(r, "rb") as f:
    received = f.read()
t.join()
print(len(received), received == data)
