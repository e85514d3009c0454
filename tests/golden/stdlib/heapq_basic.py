# heapq: heap shapes, pops, pushpop/replace, nsmallest/nlargest and merge match CPython.
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1, 0, 6]:
    heapq.heappush(h, x)
    print("push", x, h)
out = []
while h:
    out.append(heapq.heappop(h))
print("popped", out)

data = [9, 4, 7, 1, -2, 6, 5, 3, 8, 0, 2]
heapq.heapify(data)
print("heapify", data)
print("heapreplace", heapq.heapreplace(data, 10), data)
print("heappushpop small", heapq.heappushpop(data, -5), data)
print("heappushpop big", heapq.heappushpop(data, 4), data)
print("heappushpop empty", heapq.heappushpop([], 3))

t = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
heapq.heapify(t)
print([heapq.heappop(t) for i in range(4)])

words = ["pear", "fig", "apple", "kiwi", "banana", "date", "plum", "cherry"]
for n in [0, 1, 2, 3, 8, 10, -1]:
    print("nsmallest", n, heapq.nsmallest(n, words), heapq.nsmallest(n, words, key=len))
    print("nlargest", n, heapq.nlargest(n, words), heapq.nlargest(n, words, key=len))
print("nsmallest range", heapq.nsmallest(3, range(100, 0, -7)))
print("nlargest iterator", heapq.nlargest(3, iter([4, 1, 4, 2, 4])))
print("nlargest ties", heapq.nlargest(2, [(1, "a"), (2, "b"), (2, "c"), (0, "d")], key=lambda p: p[0]))
print("nsmallest ties", heapq.nsmallest(3, ["bb", "a", "cc", "d", "ee"], key=len))
print("nsmallest empty", heapq.nsmallest(2, []), heapq.nlargest(1, []))

print("merge", list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print("merge uneven", list(heapq.merge([1, 1, 2], [], [0, 5], [1])))
print("merge key", list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print("merge reverse", list(heapq.merge([9, 5, 1], [8, 6, 2], reverse=True)))
print("merge none", list(heapq.merge()))


class Task:
    def __init__(self, priority, name):
        self.priority = priority
        self.name = name

    def __lt__(self, other):
        return self.priority < other.priority

    def __repr__(self):
        return "Task(%d, %s)" % (self.priority, self.name)


q = []
for p, n in [(3, "write"), (1, "plan"), (2, "test"), (1, "think")]:
    heapq.heappush(q, Task(p, n))
print([heapq.heappop(q) for i in range(4)])
