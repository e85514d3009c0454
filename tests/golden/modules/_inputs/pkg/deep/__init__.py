from .leaf import leaf_value
