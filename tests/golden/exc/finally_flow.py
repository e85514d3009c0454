# finally with return, break, continue.
def ret_in_try():
    try:
        return "from try"
    finally:
        print("finally runs before return")
print(ret_in_try())
def ret_override():
    try:
        return "try"
    finally:
        return "finally wins"
print(ret_override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows exception"
print(swallow())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def loop_return():
    for i in range(3):
        try:
            if i == 2:
                return i
        finally:
            print("cleanup", i)
print(loop_return())
def finally_break():
    while True:
        try:
            raise KeyError("x")
        finally:
            break
    return "break in finally discards exception"
print(finally_break())
def nested_finally():
    try:
        try:
            return 1
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested_finally())
def value_at_return():
    x = 1
    try:
        return x
    finally:
        x = 2
print(value_at_return())
