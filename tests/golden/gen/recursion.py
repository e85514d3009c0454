# Recursion through generators: tree walks, permutations, flattening.
class Node:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right

def inorder(node):
    if node is None:
        return
    yield from inorder(node.left)
    yield node.value
    yield from inorder(node.right)

def preorder(node):
    if node:
        yield node.value
        for child in (node.left, node.right):
            for v in preorder(child):
                yield v

tree = Node(4, Node(2, Node(1), Node(3)), Node(6, Node(5), Node(7)))
print(list(inorder(tree)))
print(list(preorder(tree)))

def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]])))

def permutations(items):
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield items[i:i + 1] + rest
print(list(permutations([1, 2, 3])))
print(sum(1 for _ in permutations(list(range(6)))))

def hanoi(n, a, b, c):
    if n:
        yield from hanoi(n - 1, a, c, b)
        yield (a, c)
        yield from hanoi(n - 1, b, a, c)
print(list(hanoi(3, "A", "B", "C")))

# A deep linked chain walked recursively (each level a generator frame).
def walk(depth):
    if depth == 0:
        yield 0
    else:
        for v in walk(depth - 1):
            yield v + 1
print(list(walk(300)))

def walk_from(depth):
    if depth:
        yield from walk_from(depth - 1)
    yield depth
print(sum(walk_from(400)))

# Too deep: RecursionError, as in CPython.
def forever(n):
    yield from forever(n + 1)
try:
    next(forever(0))
except RecursionError as e:
    print("RecursionError")
