print("pkg.sub: init", __name__, __package__)
from .. import simple
from ..simple import x as simple_x


def helper():
    return "helper in " + __name__
