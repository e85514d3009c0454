# Imports inside functions and try/except ImportError fallbacks.
def use_simple():
    from _inputs import simple
    return simple.x


def optional():
    try:
        import not_installed_anywhere as impl
    except ImportError:
        impl = None
    return impl


print(use_simple(), optional())
try:
    import json_fast_missing as json
except ImportError:
    import json
print(json.dumps([1, 2]))
if True:
    import _inputs.pkg.lonely
print("lonely" in dir(_inputs.pkg))
