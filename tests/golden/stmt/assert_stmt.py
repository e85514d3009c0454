# assert with and without message.
assert True
assert 1 == 1, "not shown"
try:
    assert False
except AssertionError as e:
    print("caught", repr(e), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("caught:", e)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(e.args)
def check(n):
    assert n >= 0, "negative: " + str(n)
    return n
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print(type(e).__name__, e)
