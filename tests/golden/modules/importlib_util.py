# importlib.util: find_spec, spec_from_file_location, module_from_spec and exec_module, and
# modules made by ModuleType(name).
import importlib.util
import os
import sys
spec = importlib.util.find_spec("_inputs.starall")
print(spec.name, spec.origin, spec.parent, spec.submodule_search_locations)
print("_inputs.starall" in sys.modules)
print(importlib.util.find_spec("no_such_module_at_all"))
print(importlib.util.find_spec("_inputs.pkg").submodule_search_locations)
print(importlib.util.find_spec("sys").name)
path = os.path.join(os.path.dirname(spec.origin), "counter.py")
spec2 = importlib.util.spec_from_file_location("loaded_by_hand", path)
module = importlib.util.module_from_spec(spec2)
print(module.__name__, module.__file__ == path, hasattr(module, "bump"))
spec2.loader.exec_module(module)
print(module.bump(), module.__spec__ is spec2, "loaded_by_hand" in sys.modules)
ModuleType = type(sys)
made = ModuleType("made", "A made module.")
print(made, made.__name__, made.__doc__, made.__spec__)
made.value = 3
exec("doubled = value * 2", made.__dict__)
print(made.doubled)
print(repr(ModuleType("plain")), ModuleType("plain").__doc__)
