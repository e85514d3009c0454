# Bare raise inside except re-raises with the original traceback.
def risky():
    return {"a": 1}["b"]

try:
    risky()
except KeyError:
    print("logging, then re-raising")
    raise
