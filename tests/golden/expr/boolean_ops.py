# and / or / not return operands and short-circuit.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "x" or "default", None or 0, [] and 1)
print(not 0, not 1, not "", not "a", not [], not None)
print(None and undefined_name_never_evaluated)
print(1 or undefined_name_never_evaluated)
def t(v):
    print("t", v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(0) or t(3) or t(4))
print(t(1) and t(0) or t(5))
print(not 1 == 2, not (1 == 2))
print(True and False or True, True or False and False)
print(not True and False, not (True and False))
x = [] or {} or 0.0 or ""
print(repr(x))
print(0 or 0.0, 0.0 or 0)
