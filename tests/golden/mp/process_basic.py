# multiprocessing.Process: start/join/exitcode/is_alive/name/pid, exit codes from sys.exit and
# os._exit, a child killed by a signal, terminate/kill, join with a timeout, current_process.
import multiprocessing
import os
import sys
import time


def work(label, n, sep="-"):
    print(label, sep, n * 2, multiprocessing.current_process().name, flush=True)


def exit_with(code):
    sys.exit(code)


def hard_exit(code):
    os._exit(code)


def sleep_long():
    time.sleep(30)


def kill_self():
    os.kill(os.getpid(), 9)


print(multiprocessing.current_process().name, multiprocessing.cpu_count() >= 1)

p = multiprocessing.Process(target=work, args=("child", 21), kwargs={"sep": ":"})
print(p.name, p.exitcode, p.is_alive(), p.pid)
p.start()
p.join()
print(p.exitcode, p.is_alive(), p.pid != os.getpid(), type(p.pid).__name__)

named = multiprocessing.Process(target=work, args=("named", 1), name="worker-A", daemon=True)
print(named.name, named.daemon)
named.start()
named.join()
print(named.exitcode)

for target, args in [(exit_with, (0,)), (exit_with, (5,)), (exit_with, (None,)),
                     (hard_exit, (3,)), (kill_self, ())]:
    q = multiprocessing.Process(target=target, args=args)
    q.start()
    q.join()
    print(target.__name__, args, "->", q.exitcode)

slow = multiprocessing.Process(target=sleep_long)
slow.start()
start = time.monotonic()
slow.join(0.2)
print("after join(0.2):", slow.is_alive(), slow.exitcode, time.monotonic() - start < 5)
slow.terminate()
slow.join()
print("terminated:", slow.exitcode, slow.is_alive())

slow = multiprocessing.Process(target=sleep_long)
slow.start()
slow.kill()
slow.join()
print("killed:", slow.exitcode)

procs = [multiprocessing.Process(target=hard_exit, args=(i,)) for i in range(4)]
for q in procs:
    q.start()
for q in procs:
    q.join()
print([q.exitcode for q in procs])
print(multiprocessing.active_children())
