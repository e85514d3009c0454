# __context__ and __cause__ of caught exceptions.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    try:
        {}["x"]
    except KeyError as ke:
        raise RuntimeError("explicit") from ke
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__cause__ is e.__context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("suppressed") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))
e = ValueError("plain")
print(e.__context__, e.__cause__)
