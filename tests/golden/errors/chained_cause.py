# raise ... from ...
class ConfigError(Exception):
    pass

def load(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise ConfigError("missing setting") from e

load({}, "port")
