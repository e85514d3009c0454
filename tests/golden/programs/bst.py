# Binary search tree with insert, search, delete, traversals and iteration.
class Node:
    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.left = None
        self.right = None

class BST:
    def __init__(self):
        self.root = None
        self.size = 0

    def __len__(self):
        return self.size

    def __setitem__(self, key, value):
        if self.root is None:
            self.root = Node(key, value)
            self.size += 1
            return
        n = self.root
        while True:
            if key == n.key:
                n.value = value
                return
            if key < n.key:
                if n.left is None:
                    n.left = Node(key, value)
                    break
                n = n.left
            else:
                if n.right is None:
                    n.right = Node(key, value)
                    break
                n = n.right
        self.size += 1

    def __getitem__(self, key):
        n = self.root
        while n is not None:
            if key == n.key:
                return n.value
            n = n.left if key < n.key else n.right
        raise KeyError(key)

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def _delete(self, n, key):
        if n is None:
            raise KeyError(key)
        if key < n.key:
            n.left = self._delete(n.left, key)
        elif key > n.key:
            n.right = self._delete(n.right, key)
        else:
            if n.left is None:
                return n.right
            if n.right is None:
                return n.left
            succ = n.right
            while succ.left is not None:
                succ = succ.left
            n.key, n.value = succ.key, succ.value
            n.right = self._delete(n.right, succ.key)
        return n

    def __delitem__(self, key):
        self.root = self._delete(self.root, key)
        self.size -= 1

    def inorder(self):
        out = []
        def walk(n):
            if n is not None:
                walk(n.left)
                out.append(n.key)
                walk(n.right)
        walk(self.root)
        return out

    def preorder(self):
        out = []
        stack = [self.root] if self.root else []
        while stack:
            n = stack.pop()
            out.append(n.key)
            if n.right:
                stack.append(n.right)
            if n.left:
                stack.append(n.left)
        return out

    def height(self):
        def h(n):
            if n is None:
                return 0
            return 1 + max(h(n.left), h(n.right))
        return h(self.root)

    def __iter__(self):
        return iter(self.inorder())

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t[k] = "v" + str(k)
print(len(t), t.inorder())
print(t.preorder(), "height", t.height())
print(t[40], 45 in t, 99 in t)
t[40] = "forty"
print(t[40], len(t))
for k in [20, 30, 50]:
    del t[k]
    print("deleted", k, t.inorder(), t.preorder())
try:
    del t[1000]
except KeyError as e:
    print("KeyError", e)
try:
    t[1]
except KeyError as e:
    print("missing", e)
print(list(t), sum(t), max(t))
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words[w] = len(w)
print(words.inorder(), len(words))
