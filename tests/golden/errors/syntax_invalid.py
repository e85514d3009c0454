# SyntaxError: invalid syntax (two names in a row).
print("not printed")
value = 1
value value
