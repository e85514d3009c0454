# SyntaxError: unclosed parenthesis at end of file.
print("not printed")
total = (1 + 2
print(total)
