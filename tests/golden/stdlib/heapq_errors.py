# heapq's errors for bad arguments match CPython's C messages.
import heapq

def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

attempt("heappop empty", lambda: heapq.heappop([]))
attempt("heapreplace empty", lambda: heapq.heapreplace([], 1))
attempt("heappush int", lambda: heapq.heappush(1, 2))
attempt("heappush tuple", lambda: heapq.heappush((1,), 2))
attempt("heappop tuple", lambda: heapq.heappop(()))
attempt("heapify tuple", lambda: heapq.heapify((3, 1)))
attempt("heapreplace tuple", lambda: heapq.heapreplace((1,), 1))
attempt("heappushpop int", lambda: heapq.heappushpop(5, 1))
attempt("heappush one arg", lambda: heapq.heappush([]))
attempt("heappush three args", lambda: heapq.heappush([], 1, 2))
attempt("heappop two args", lambda: heapq.heappop([], 1))
attempt("heapify no args", lambda: heapq.heapify())
attempt("heappush keywords", lambda: heapq.heappush(heap=[], item=1))
attempt("heappush mixed types", lambda: heapq.heappush([1], "a"))
attempt("heapify mixed types", lambda: heapq.heapify([1, "a", 2]))
attempt("nsmallest no iterable", lambda: heapq.nsmallest(2))
attempt("nlargest bad key", lambda: heapq.nlargest(2, [1, 2, 3], key=5))
