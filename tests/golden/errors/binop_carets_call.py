# Failing binary op nested in a call argument.
def show(v):
    print(v)
count = 3
label = "items: "
show(label + count)
