# A module whose body raises leaves sys.modules; the next import runs it again.
import sys
for attempt in range(2):
    try:
        import _inputs.raises
    except ZeroDivisionError as e:
        print("attempt", attempt, "ZeroDivisionError:", e)
    print("_inputs.raises" in sys.modules)
