# update_wrapper / wraps, cmp_to_key and total_ordering.
import functools

def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kw):
        "wrapper doc"
        return ("wrapped", fn(*args, **kw))
    return wrapper

# gilvm does not store docstrings in __doc__ yet, so the tests set __doc__ by hand.
def greet(name):
    return "hello " + name
greet.__doc__ = "Say hello."
greet = deco(greet)

print(greet("bob"), greet.__name__, greet.__doc__, greet.__qualname__, greet.__module__)
print(greet.__wrapped__("amy"))

def target():
    pass
target.custom = 42
def shell():
    pass
shell.__doc__ = "shell doc"
out = functools.update_wrapper(shell, target)
print(out is shell, shell.__name__, shell.__doc__, shell.custom, shell.__wrapped__ is target)

def only_name():
    pass
only_name.__doc__ = "kept"
functools.update_wrapper(only_name, target, assigned=("__name__",), updated=())
print(only_name.__name__, only_name.__doc__, hasattr(only_name, "custom"))

class Holder:
    def method(self):
        return 1
    method.__doc__ = "method doc"
def w2():
    pass
functools.update_wrapper(w2, Holder.method)
print(w2.__name__, w2.__qualname__, w2.__doc__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

# cmp_to_key
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ["pear", "fig", "apple", "kiwi", "date", "banana"]
print(sorted(words, key=functools.cmp_to_key(by_len_then_alpha)))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
K = functools.cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(2) <= K(2), K(3) > K(2), K(2) >= K(3), K(4) == K(4), K(1).obj)
print(max([5, 9, 2], key=functools.cmp_to_key(lambda a, b: a - b)))

# total_ordering
@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.n < other.n

a, b = Version(1), Version(2)
print(a < b, a > b, a <= b, a >= b, a <= Version(1), a >= Version(1), b > a)
print(Version.__gt__.__name__, Version.__le__.__name__)
try:
    a > 5
except TypeError as e:
    print("TypeError:", e)

@functools.total_ordering
class G:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __gt__(self, other):
        return self.n > other.n
print(G(1) < G(2), G(2) <= G(2), G(3) >= G(4), G(3) > G(1))

@functools.total_ordering
class L:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __le__(self, other):
        return self.n <= other.n
print(L(1) < L(1), L(1) > L(0), L(2) >= L(2))

@functools.total_ordering
class GE:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __ge__(self, other):
        return self.n >= other.n
print(GE(1) < GE(2), GE(1) <= GE(1), GE(1) > GE(1))
print(sorted([GE(3), GE(1), GE(2)], key=lambda g: g)[0].n)

try:
    @functools.total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)
