# NameError for a name with no similar names in scope.
def compute():
    return 1 + qqqqqqq

print("computing")
compute()
