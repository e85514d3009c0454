# time.struct_time and os.stat_result are tuple subclasses, as in CPython.
import time, os

t = time.gmtime(0)
print(isinstance(t, tuple), t[:3], t.tm_year, len(t), type(t).__name__)
print(t)
print(tuple(t) == t, list(t)[6:])
y, m, d, *rest = t
print(y, m, d, rest)

st = os.stat(".")
print(isinstance(st, tuple), len(st), st[0] == st.st_mode, type(st).__name__)
print(st == tuple(st))
