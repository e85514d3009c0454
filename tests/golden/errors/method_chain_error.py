# Error inside a method called from another method of the same object.
class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def peek(self):
        return self.text[self.pos]

    def advance(self, n):
        self.pos += n
        return self.peek()

p = Parser("abc")
print(p.advance(1))
print(p.advance(1))
print(p.advance(1))
