# compile(): code objects for exec, eval and single modes.
import re


def show(code):
    print(re.sub("0x[0-9a-f]+", "ADDR", repr(code)))


c = compile("1 + 2", "<expr>", "eval")
show(c)
print(eval(c), type(c).__name__, c.co_filename, c.co_name)
c = compile("x = 5\ny = x * 2", "prog.py", "exec")
show(c)
ns = {}
exec(c, ns)
print(ns["y"], eval(c))
single = compile("40 + 2", "<single>", "single")
exec(single)
exec(compile("None", "<single>", "single"))
exec(compile("'text'", "<single>", "single"))
try:
    compile(c, "again", "exec")
except TypeError as e:
    print(type(e).__name__, e)
print(eval(compile(b"7 * 6", "<bytes>", "eval")))
