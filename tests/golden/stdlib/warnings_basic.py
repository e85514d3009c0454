# warnings.warn prints file:line: Category: message and the source line, once per place.
import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1


def noisy(n):
    warnings.warn(f"noisy call {n}")


for i in range(3):
    noisy(1)          # the same text from the same place: shown once
noisy(2)              # a new text: shown
old_api()             # DeprecationWarning pointing at __main__: shown
warnings.warn("a runtime warning", RuntimeWarning)
warnings.warn(UserWarning("an instance"))
warnings.warn("pending", PendingDeprecationWarning)   # ignored by default


class MyWarning(UserWarning):
    pass


warnings.warn("custom", MyWarning)
print("after warnings")
try:
    warnings.warn("x", int)
except TypeError as e:
    print("TypeError:", e)
for bad in [lambda: warnings.simplefilter("loud"), lambda: warnings.filterwarnings("ignore", message=3),
            lambda: warnings.filterwarnings("ignore", category=int), lambda: warnings.filterwarnings("ignore", lineno=-1)]:
    try:
        bad()
    except AssertionError as e:
        print("AssertionError:", e)
