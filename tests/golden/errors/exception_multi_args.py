# Uncaught exception with several args prints the args tuple.
raise ValueError("bad", 1, [2])
