# An exception raised inside an imported module's function: the traceback names its file and
# line, with the source line and carets.
import _inputs.tb_mod as tb_mod
print(tb_mod.outer(5))
tb_mod.outer(0)
