from .circ_bad_a import ready
thing = 1
