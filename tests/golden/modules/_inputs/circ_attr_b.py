from . import circ_attr_a
try:
    circ_attr_a.defined_after
except AttributeError as e:
    print("AttributeError:", e)
