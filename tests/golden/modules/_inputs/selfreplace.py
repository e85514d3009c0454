import sys
class Replacement:
    name = "replacement object"
sys.modules[__name__] = Replacement()
