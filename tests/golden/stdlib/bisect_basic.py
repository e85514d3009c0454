# bisect: positions, insort, lo/hi, key= and errors match CPython.
import bisect

def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 3, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print("lo/hi", bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 5, 1, 4))
print("hi None", bisect.bisect_left(a, 3, 0, None))
print("hi negative", bisect.bisect_left(a, 3, 0, -3))
print("keywords", bisect.bisect_right(a=a, x=2, lo=1, hi=6))

b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print("insort", b)
c = []
for x in [3, 1, 2]:
    bisect.insort_left(c, x)
    bisect.insort_right(c, x)
print("insort left/right", c)

pairs = [(1, "a"), (1, "b")]
bisect.insort_left(pairs, (1, "a"))
bisect.insort_right(pairs, (1, "b"))
print(pairs)

people = [("ann", 23), ("bob", 31), ("cy", 47)]
print("key", bisect.bisect_left(people, 31, key=lambda p: p[1]), bisect.bisect_right(people, 31, key=lambda p: p[1]))
bisect.insort(people, ("dee", 35), key=lambda p: p[1])
bisect.insort_left(people, ("eve", 31), key=lambda p: p[1])
print(people)
print("strings", bisect.bisect(["apple", "fig", "kiwi"], "grape"))
print("tuple seq", bisect.bisect_left((1, 3, 5), 4), bisect.bisect_left(range(0, 100, 10), 35))

grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])

attempt("lo negative", lambda: bisect.bisect_left([1], 1, -1))
attempt("insort lo negative", lambda: bisect.insort([], 1, -2))
attempt("hi too big", lambda: bisect.bisect_left([1], 1, 0, 5))
attempt("None sequence", lambda: bisect.bisect_left(None, 1))
attempt("int sequence", lambda: bisect.bisect(5, 1))
attempt("mixed types", lambda: bisect.bisect_right([1, 2], "a"))
attempt("lo str", lambda: bisect.bisect_left([1], 1, lo="a"))
attempt("lo float", lambda: bisect.bisect_left([1, 2, 3], 2, 1.0))
attempt("hi float", lambda: bisect.bisect_left([1, 2, 3], 2, 0, 2.0))
attempt("insort tuple", lambda: bisect.insort((1, 2), 1))
attempt("key not callable", lambda: bisect.bisect_left([(1, 2)], 1, key=1))
attempt("key result mixed", lambda: bisect.bisect_left([1, 2], 2, key=str))
