# Basic try/except/else/finally flow.
def attempt(x):
    try:
        print("try", x)
        r = 10 // x
    except ZeroDivisionError:
        print("except ZeroDivisionError")
        r = None
    else:
        print("else, r =", r)
    finally:
        print("finally")
    return r
print(attempt(2))
print(attempt(0))
try:
    pass
finally:
    print("finally without except")
try:
    x = int("12")
except ValueError:
    print("no")
else:
    print("else got", x)
try:
    [][0]
except (KeyError, IndexError) as e:
    print("tuple of types caught", type(e).__name__)
try:
    {}["missing"]
except IndexError:
    print("wrong handler")
except KeyError:
    print("second handler")
except Exception:
    print("not reached")
try:
    undefined_variable_xyz
except:
    print("bare except caught it")
