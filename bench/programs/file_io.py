# File IO through open(): write 200k lines of text, read them back line by line, whole, and in
# binary chunks; checks what it read. Measures the io layers (text over buffered over fd).
import os

path = "/tmp/gilvm-bench-file-io-%d.txt" % os.getpid()
lines = 200000
with open(path, "w") as f:
    for i in range(lines):
        f.write("line %d of the benchmark file, with some text to make it longer\n" % i)

count = 0
total = 0
with open(path) as f:
    for line in f:
        count += 1
        total += len(line)
with open(path) as f:
    whole = f.read()
size = 0
with open(path, "rb") as f:
    while True:
        chunk = f.read(65536)
        if not chunk:
            break
        size += len(chunk)
os.remove(path)
print(count, total, len(whole), size)
