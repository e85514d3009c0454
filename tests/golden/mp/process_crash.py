# An uncaught exception in a Process child: "Process Process-N:" and the traceback on stderr,
# exit code 1; the parent goes on. The child's stderr is captured through a file so this test
# shows its first and last lines only (CPython's middle lines name its own multiprocessing files).
import multiprocessing
import os
import sys


def fail(msg):
    raise ValueError(msg)


def interrupted():
    raise KeyboardInterrupt


path = "_process_crash.tmp"
sys.stderr.flush()
saved = os.dup(2)
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
os.dup2(fd, 2)
os.close(fd)
p = multiprocessing.Process(target=fail, args=("boom",))
p.start()
p.join()
q = multiprocessing.Process(target=interrupted, name="Intr")
q.start()
q.join()
os.dup2(saved, 2)
os.close(saved)

with open(path) as f:
    lines = f.read().splitlines()
os.remove(path)
print(p.exitcode, q.exitcode)
for line in lines:
    if not line.startswith(" "):
        print(line)
print("parent still fine")
