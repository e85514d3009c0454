print("circ_b: start")
from . import circ_a
print("circ_b: circ_a.early =", circ_a.early, "has late:", hasattr(circ_a, "late"))
value = "value from b"
