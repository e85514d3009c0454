# Catching by base class; the standard hierarchy.
def catch(exc, base):
    try:
        raise exc
    except base:
        return True
    except BaseException:
        return False
print(catch(ZeroDivisionError("z"), ArithmeticError))
print(catch(KeyError("k"), LookupError))
print(catch(IndexError("i"), LookupError))
print(catch(UnboundLocalError("u"), NameError))
print(catch(RecursionError("r"), RuntimeError))
print(catch(ValueError("v"), Exception))
print(catch(ValueError("v"), TypeError))
print(catch(StopIteration(), Exception))
print(catch(KeyboardInterrupt(), Exception))
print(catch(SystemExit(1), Exception))
print(catch(AssertionError(), Exception))
print(catch(AttributeError("a"), Exception))
print(catch(OverflowError("o"), ArithmeticError))
print(catch(NotImplementedError("n"), RuntimeError))
print(catch(IndentationError("i"), SyntaxError))
print(catch(EOFError("e"), Exception))
for cls in [ZeroDivisionError, KeyError, UnboundLocalError, RecursionError, StopIteration, SystemExit, KeyboardInterrupt, Exception]:
    print(cls.__name__, issubclass(cls, Exception), issubclass(cls, BaseException))
try:
    [][1]
except LookupError as e:
    print("LookupError caught", type(e).__name__, isinstance(e, IndexError))
