# difference: A generator's `gi_frame` is a small stand-in without `f_locals` or `f_back`
# cause: gilvm's frames live on the thread's value stack and are not Python objects; `gi_frame` answers `f_lineno`, `f_code` and `f_globals` only.
def gen():
    x = 1
    yield x


g = gen()
next(g)
print(g.gi_frame.f_lineno)
print(g.gi_frame.f_locals)
