from .circ_bad_b import thing
ready = True
