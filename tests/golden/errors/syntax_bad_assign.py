# SyntaxError: cannot assign to a literal / function call.
x = 1
1 = x
