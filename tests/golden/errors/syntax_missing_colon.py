# SyntaxError: missing colon. Nothing runs, not even the first print.
print("not printed")
x = 3
if x > 1
    print("big")
