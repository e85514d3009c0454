print("raises: running")
counter = 1
raise ZeroDivisionError("raised while importing")
