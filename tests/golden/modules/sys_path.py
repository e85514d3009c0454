# sys.path starts with the script's directory; an entry put first shadows the standard library.
import sys
import os
print(sys.path[0])
print(isinstance(sys.path, list))
sys.path.insert(0, os.path.join(sys.path[0], "_inputs", "shadow"))
import heapq
h = []
heapq.heappush(h, 3)
print(h)
print(heapq.__file__)
import sys as sys2
print(sys2 is sys)
