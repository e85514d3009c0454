# os.fork, pipe, waitpid and wait: exit codes and data through pipes, WNOHANG, signals, and
# errors for children that do not exist. The child's interpreter keeps working after fork.
import os
import time

import sys

print('before fork')  # buffered: must not be printed again by the child

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    total = 0
    for i in range(1000):
        total += i
    os.write(w, ('child total %d' % total).encode())
    os.close(w)
    os._exit(7)
os.close(w)
data = b''
while True:
    chunk = os.read(r, 4)
    if not chunk:
        break
    data += chunk
os.close(r)
print(data)
got, status = os.waitpid(pid, 0)
print(got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status),
      os.waitstatus_to_exitcode(status))

# A child that ends by exception exits with 1 after printing its traceback to stderr; one that
# calls sys.exit(3) exits with 3; each runs its own interpreter to the end. (CPython's child
# would write out a copy of the parent's unflushed output when it exits; gilvm flushes before
# fork, so the test flushes first to be the same under both.)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    sys.exit(3)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# WNOHANG: nothing yet, then the exit status once the child has gone.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)  # waits until the parent closes its end
    os._exit(0)
os.close(r)
print(os.waitpid(pid, os.WNOHANG))
os.close(w)
got, status = os.waitpid(pid, 0)
print(got == pid, os.waitstatus_to_exitcode(status))

# Killed by a signal.
pid = os.fork()
if pid == 0:
    time.sleep(30)
    os._exit(0)
os.kill(pid, 9)
got, status = os.wait()
print(got == pid, os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))

# Several children, reaped by wait() in any order.
pids = []
for code in [11, 12, 13]:
    pid = os.fork()
    if pid == 0:
        os._exit(code)
    pids.append(pid)
codes = {}
for i in range(3):
    got, status = os.wait()
    codes[got] = os.WEXITSTATUS(status)
print([codes[p] for p in pids])

for f, args in [(os.waitpid, (pid, 0)), (os.wait, ()), (os.kill, (pid, 0))]:
    try:
        f(*args)
    except OSError as e:
        print(type(e).__name__, e)
for bad in [0x7f, 0x137f]:
    try:
        os.waitstatus_to_exitcode(bad)
    except ValueError as e:
        print('ValueError', e)
print(os.getpid() != os.getppid(), os.cpu_count() >= 1, len(os.urandom(16)), os.urandom(0))
try:
    os.urandom(-1)
except ValueError as e:
    print('ValueError', e)
print('parent done')
