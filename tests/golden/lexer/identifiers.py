# Identifier forms, keywords as parts of names.
_x = 1
x_ = 2
__y = 3
camelCase = 4
ALLCAPS = 5
a1b2 = 6
if_ = 7
forx = 8
not_in = 9
print(_x, x_, __y, camelCase, ALLCAPS, a1b2, if_, forx, not_in)
café = "unicode identifier"
print(café)
Δ = 10
print(Δ * 2)
True_ = False
print(True_)
