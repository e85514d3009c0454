# `from package import name` falls back to importing the submodule `name`.
from _inputs.pkg import sub, lonely
print(sub.__name__, lonely.__name__)
from _inputs import starall, starnoall
print(starall.c, starnoall.public)
import _inputs
print(sorted([k for k in vars(_inputs) if not k.startswith("__")]))
