print("the local heapq, not the standard one")
def heappush(heap, item):
    heap.append(("local", item))
