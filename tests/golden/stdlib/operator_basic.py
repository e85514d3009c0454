# operator: the functions, the getters and methodcaller, with CPython's results and errors.
import operator

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

print(operator.add(2, 3), operator.sub(2, 3), operator.mul(4, 2.5), operator.truediv(7, 2),
      operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.pow(2, -1))
print(operator.neg(5), operator.pos(-5), operator.abs(-7.5), operator.invert(5), operator.inv(0))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10),
      operator.lshift(1, 5), operator.rshift(256, 3))
print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2),
      operator.gt("b", "a"), operator.ge([1], [2]))
print(operator.not_(0), operator.not_("x"), operator.truth([]), operator.truth(3))
x = [1]
print(operator.is_(x, x), operator.is_(x, [1]), operator.is_not(None, None))
print(operator.contains([1, 2], 2), operator.contains("abc", "d"), operator.contains({"k": 1}, "k"))
print(operator.concat([1], [2]), operator.concat("ab", "cd"), operator.concat((1,), (2,)))
print(operator.index(7), operator.index(True), operator.mod("%d-%s", (3, "x")))
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf("hello", "l"), operator.length_hint([1, 2, 3]))

d = {"a": 1}
operator.setitem(d, "b", 2)
print(operator.getitem(d, "b"), d)
operator.delitem(d, "a")
print(d)
lst = [0, 1, 2, 3, 4]
print(operator.getitem(lst, slice(1, 3)), operator.getitem("xyz", -1))

lst2 = [1]
r = operator.iadd(lst2, [2, 3])
print(r, lst2, r is lst2)
print(operator.iadd(1, 2), operator.isub(5, 3), operator.imul("ab", 3), operator.itruediv(1, 4),
      operator.ifloordiv(9, 2), operator.imod(9, 4), operator.ipow(3, 3), operator.iand(6, 3),
      operator.ior(6, 3), operator.ixor(6, 3), operator.ilshift(1, 3), operator.irshift(64, 2))
print(operator.iconcat([1], (2,)))


class Index:
    def __index__(self):
        return 4

print(operator.index(Index()), [10, 20, 30, 40, 50][operator.index(Index())])

g = operator.itemgetter(1)
print(g([5, 6, 7]), g("xyz"), g({1: "one"}), repr(g))
g2 = operator.itemgetter(0, -1, "k")
print(repr(g2))
print(operator.itemgetter(0, 2)("abc"), operator.itemgetter(slice(1, None))([1, 2, 3]))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=operator.itemgetter(1)), sorted(rows, key=operator.itemgetter(0)))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.child = None

    def scaled(self, k, offset=0):
        return Point(self.x * k + offset, self.y * k + offset)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


p = Point(1, 2)
p.child = Point(3, 4)
print(operator.attrgetter("x")(p), operator.attrgetter("x", "y")(p), operator.attrgetter("child.y")(p))
print(repr(operator.attrgetter("child.x", "y")))
print(operator.methodcaller("scaled", 2)(p), operator.methodcaller("scaled", 3, offset=1)(p))
print(repr(operator.methodcaller("scaled", 3, offset=1)), repr(operator.methodcaller("upper")))
print(operator.methodcaller("split", ",")("a,b,c"), list(map(operator.methodcaller("upper"), ["a", "b"])))
print(sorted([Point(2, 1), Point(1, 5)], key=operator.attrgetter("x")))

attempt("add one arg", lambda: operator.add(1))
attempt("add keywords", lambda: operator.add(a=1, b=2))
attempt("neg no args", lambda: operator.neg())
attempt("neg two args", lambda: operator.neg(1, 2))
attempt("is_ one arg", lambda: operator.is_(1))
attempt("setitem two args", lambda: operator.setitem([], 1))
attempt("index float", lambda: operator.index(1.5))
attempt("index str", lambda: operator.index("a"))
attempt("concat ints", lambda: operator.concat(1, 2))
attempt("concat list tuple", lambda: operator.concat([1], (2,)))
attempt("iconcat int", lambda: operator.iconcat([1], 5))
attempt("truediv zero", lambda: operator.truediv(1, 0))
attempt("getitem range", lambda: operator.getitem([1], 5))
attempt("delitem missing", lambda: operator.delitem({}, 1))
attempt("contains int", lambda: operator.contains(1, 2))
attempt("lt mixed", lambda: operator.lt(1, "a"))
attempt("add mixed", lambda: operator.add(1, "a"))
attempt("indexOf missing", lambda: operator.indexOf([1, 2], 3))
attempt("itemgetter none", lambda: operator.itemgetter())
attempt("itemgetter call int", lambda: operator.itemgetter(1)(1))
attempt("itemgetter call none", lambda: operator.itemgetter(1)())
attempt("itemgetter call two", lambda: operator.itemgetter(1)(1, 2))
attempt("itemgetter missing key", lambda: operator.itemgetter("k")({}))
attempt("attrgetter int", lambda: operator.attrgetter(1))
attempt("attrgetter none", lambda: operator.attrgetter())
attempt("attrgetter missing", lambda: operator.attrgetter("x")(1))
attempt("attrgetter dotted missing", lambda: operator.attrgetter("child.z")(p))
attempt("methodcaller none", lambda: operator.methodcaller())
attempt("methodcaller int", lambda: operator.methodcaller(1))
attempt("methodcaller missing", lambda: operator.methodcaller("nope")(1))
