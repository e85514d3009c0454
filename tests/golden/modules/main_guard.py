# __name__ is "__main__" only in the script that runs; __main__'s own attributes.
import _inputs.mainguard
print(__name__, __package__, __spec__)
print(__file__.endswith("main_guard.py"), __doc__)
print(list(globals())[:9])
print(__builtins__.__name__, type(__loader__).__name__)
if __name__ == "__main__":
    print("running as main")
import sys
print(sys.modules["__main__"].__name__)
