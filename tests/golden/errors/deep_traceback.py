# Recursive calls that fail at the bottom: every frame is listed.
def countdown(n):
    if n == 0:
        return [][0]
    return countdown(n - 1)

countdown(4)
