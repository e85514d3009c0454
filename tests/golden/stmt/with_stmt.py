# The with statement: __enter__/__exit__, suppression, exceptions, nesting, return/break inside.
class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress


with Ctx("a") as v:
    print("body", v)

with Ctx("outer"), Ctx("inner") as w:
    print("nested body", w)

with Ctx("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppress")

try:
    with Ctx("loud"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))


def early():
    with Ctx("ret"):
        return "returned"
    print("not reached")


print(early())

for i in range(3):
    with Ctx("loop" + str(i)):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)

try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
