# Traceback through several nested function calls.
def level_three(n):
    return 100 // n

def level_two(n):
    value = level_three(n - 2)
    return value

def level_one(n):
    print("level_one", n)
    return level_two(n) + 1

print(level_one(5))
print(level_one(2))
