# SyntaxError: unterminated string literal.
x = 1
s = "never closed
print(s)
