# An expression statement spanning the whole line: the ~~^~~ markers of a
# binary operation are still shown (a plain ^^^ range over the whole line is not).
a = 5
b = None
a * b
