# SyntaxError: 'return' outside function.
x = 5
return x
