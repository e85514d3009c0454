# pickle: what cannot be pickled fails as CPython says (no ids printed), and bad data fails cleanly.
import pickle
import threading
import sys


def outer():
    def inner():
        pass
    return inner


def show(obj):
    try:
        pickle.dumps(obj)
        print("pickled?!")
    except Exception as e:
        msg = str(e)
        if " at 0x" in msg:
            start = msg.index(" at 0x")
            msg = msg[:start] + msg[msg.index(">", start):]
        print(type(e).__name__, "|", msg)


show(threading.Lock())
show(lambda: 0)
show(outer())
show([1, {"k": threading.Lock()}])
show(sys.stdout)

print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.UnpicklingError, pickle.PickleError))
print(issubclass(pickle.PickleError, Exception))

try:
    pickle.loads(b"")
except EOFError as e:
    print("EOFError", e)

try:
    pickle.loads("text")
except TypeError as e:
    print("TypeError", e)

data = pickle.dumps([1, 2, 3, "a long enough string"])
try:
    pickle.loads(data[:-3])
except pickle.UnpicklingError as e:
    print("UnpicklingError")
except EOFError:
    print("UnpicklingError")
