# print() and tracebacks follow sys.stdout / sys.stderr when a script replaces them.
import io
import sys

captured = io.StringIO()
sys.stdout = captured
print("captured", 1, 2)
print("second line", end="!")
sys.stdout = sys.__stdout__
print(repr(captured.getvalue()))

sys.stdout = None
print("dropped")
sys.stdout = sys.__stdout__
print("back")

class Upper:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text.upper())
        return len(text)
    def flush(self):
        self.parts.append("<flush>")

u = Upper()
sys.stdout = u
print("shout", flush=True)
sys.stdout = sys.__stdout__
print(u.parts)

err = io.StringIO()
sys.stderr = err
sys.excepthook(ValueError, ValueError("via excepthook"), None)
sys.stderr = sys.__stderr__
print(repr(err.getvalue()))

sys.stderr = io.StringIO()
sys.stderr = sys.__stderr__
raise KeyError("reported on the real stderr")
