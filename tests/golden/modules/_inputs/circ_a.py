print("circ_a: start")
early = "early from a"
from . import circ_b
print("circ_a: circ_b.value =", circ_b.value)
late = "late from a"
