# Circular imports: a partially initialised module is visible; a name it has not bound yet is
# CPython's "partially initialized module" ImportError.
import sys
import _inputs.circ_a
print(_inputs.circ_a.late, _inputs.circ_b.value)
try:
    import _inputs.circ_bad_a
except ImportError as e:
    print(type(e).__name__, e)
print("_inputs.circ_bad_a" in sys.modules, "_inputs.circ_bad_b" in sys.modules)
