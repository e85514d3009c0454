# Methods calling methods, bound methods, self references.
class Stack:
    def __init__(self):
        self.data = []
    def push(self, x):
        self.data.append(x)
    def pop(self):
        if self.is_empty():
            return None
        return self.data.pop()
    def is_empty(self):
        return len(self.data) == 0
    def peek(self):
        return self.data[-1] if not self.is_empty() else None
    def size(self):
        return len(self.data)
s = Stack()
push = s.push
for i in range(5):
    push(i * i)
print(s.size(), s.peek(), s.data)
print(s.pop(), s.pop(), s.size())
while not s.is_empty():
    print("popped", s.pop())
print(s.pop(), s.peek())
class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next
class LinkedList:
    def __init__(self):
        self.head = None
    def prepend(self, v):
        self.head = Node(v, self.head)
    def to_list(self):
        out = []
        n = self.head
        while n is not None:
            out.append(n.val)
            n = n.next
        return out
    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev
ll = LinkedList()
for v in "abcd":
    ll.prepend(v)
print(ll.to_list())
ll.reverse()
print(ll.to_list())
