# Subclasses of list and dict: real instances, overridden methods honoured, __dict__ attributes.
class MyList(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = "mine"
    def __getitem__(self, i):
        return ("got", super().__getitem__(i))
    def __len__(self):
        return super().__len__() * 10

l = MyList([1, 2, 3])
print(l, repr(l), type(l).__name__, l.tag)
print(isinstance(l, list), isinstance(l, MyList), issubclass(MyList, list))
print(l[0], len(l))
l.append(4)
print(l, list(l), sum(l))
print(l == [1, 2, 3, 4], [1, 2, 3, 4] == l, l != [1])
print([x * 2 for x in l])
l.tag = "changed"
print(l.tag, vars(l))
print(sorted(MyList([3, 1, 2])))
print(3 in l, 9 in l)
print(l + [5], type(l + [5]).__name__)

class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]

s = Stack()
s.push(1); s.push(2)
print(s, s.peek(), len(s), bool(s), bool(Stack()))
try:
    hash(s)
except TypeError as e:
    print("TypeError:", e)

class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = value = len(key)
        return value

d = DefaultDict(a=1)
print(d["a"], d["xyz"], d)
print(d.get("nope"), "nope" in d)
print(isinstance(d, dict), len(d), sorted(d.items()))

class Upper(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)
    def __repr__(self):
        return "Upper(" + super().__repr__() + ")"

u = Upper()
u["k"] = 1
print(u, u == {"K": 1}, list(u))

class Eq(list):
    def __eq__(self, other):
        return True
    __hash__ = None

print(Eq([1]) == [2], [2] == Eq([1]))

class Z(list):
    def __iter__(self):
        return iter([9, 9])

print(list(Z([1, 2])), [x for x in Z([1])], sorted(Z([5])), tuple(Z()))

class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.extra = 1

dd = D({1: 2})
print(dd, dd.extra, dd == {1: 2}, dict(dd), {**dd})
