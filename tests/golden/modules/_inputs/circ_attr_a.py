from . import circ_attr_b
defined_after = True
