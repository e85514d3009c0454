# Exceptions escaping a thread: the "Exception in thread" report on stderr,
# with CPython's two threading.py frames; SystemExit; threading.excepthook.
import sys
import threading


def run(t):
    t.start()
    t.join()
    print("joined", t.name, t.is_alive())


def fails():
    raise ValueError("boom")


def helper(n):
    if n == 0:
        return {}["missing"]
    return helper(n - 1)


def deep():
    helper(2)


run(threading.Thread(target=fails))
run(threading.Thread(target=deep, name="deep-thread"))


class Worker(threading.Thread):
    def run(self):
        raise KeyError("from run")


run(Worker())


class Renamer(threading.Thread):
    def run(self):
        self.name = "renamed-while-running"
        raise TypeError("the report uses the current name")


run(Renamer(name="original"))


def chained():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e


run(threading.Thread(target=chained))


def exits():
    sys.exit(3)


def exits_quietly():
    raise SystemExit


run(threading.Thread(target=exits))
run(threading.Thread(target=exits_quietly))
print("SystemExit in a thread is silent and does not end the program")

print("-- threading.excepthook")
print(threading.excepthook is threading.__excepthook__)
caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value),
                   args.exc_traceback is not None, args.thread.name))


threading.excepthook = hook
t = threading.Thread(target=fails, name="hooked")
run(t)
print(caught)
# A thread keeps the hook of its creation time for when the hook is None.
t = threading.Thread(target=fails, name="hook-is-None")
threading.excepthook = None
run(t)
print(caught[-1])
try:
    threading.Thread()
except RuntimeError as e:
    print("RuntimeError:", e)
threading.excepthook = threading.__excepthook__

fake = threading.Thread(name="fake")
threading.excepthook(threading.ExceptHookArgs([ValueError, ValueError("direct"), None, fake]))
threading.excepthook(threading.ExceptHookArgs([SystemExit, SystemExit(1), None, fake]))
a = threading.ExceptHookArgs([KeyError, KeyError("k"), None, fake])
print(a.exc_type, a.exc_value, a.exc_traceback, a.thread is fake, len(a), a[0])
try:
    threading.ExceptHookArgs([1, 2])
except TypeError as e:
    print("TypeError:", e)
print("the main thread goes on")
