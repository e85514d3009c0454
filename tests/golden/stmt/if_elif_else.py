# if / elif / else chains.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for v in [-5, 0, 3, 42, 1000]:
    print(v, classify(v))
if []:
    print("empty list is true?")
elif {}:
    print("empty dict is true?")
elif "":
    print("empty str is true?")
else:
    print("all empty containers are false")
if [0]:
    print("non-empty list is true")
if 0.0:
    print("no")
else:
    print("0.0 is false")
if None:
    pass
print("after pass")
x = 3
if x > 1:
    if x > 2:
        print("x > 2")
    else:
        print("1 < x <= 2")
else:
    print("x <= 1")
if x == 3: print("single-line if")
