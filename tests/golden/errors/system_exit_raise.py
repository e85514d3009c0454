# raise SystemExit(5) and SystemExit is not caught by except Exception.
try:
    raise SystemExit(5)
except Exception:
    print("not caught here")
finally:
    print("finally")
