# try/finally with return, break and continue; nested handlers; exception state after handlers.
import sys


def f(x):
    try:
        if x == 0:
            return "zero"
        if x == 1:
            raise ValueError("one")
        return "other"
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("finally", x)


print(f(0), f(1), f(2))


def override():
    try:
        return 1
    finally:
        return 2


print(override())


def swallow():
    for i in range(3):
        try:
            raise RuntimeError(i)
        finally:
            if i < 2:
                continue
            break
    return "done " + str(i)


print(swallow())

total = 0
for i in range(5):
    try:
        if i % 2:
            continue
        total += i
    finally:
        total += 100
print(total)

while True:
    try:
        break
    finally:
        print("finally on break")

try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise IndexError("outer")
except IndexError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

try:
    try:
        1 / 0
    finally:
        print("cleanup runs")
except ZeroDivisionError as e:
    print("then caught:", e)


def nested_return():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")


print(nested_return())

try:
    raise ValueError("v")
except ValueError:
    pass
try:
    raise
except RuntimeError as e:
    print("bare raise outside handler:", e)
