# Filters decide: error raises, ignore drops, always repeats; catch_warnings records and restores.
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for i in range(2):
        warnings.warn("repeated")
    warnings.warn("deprecated", DeprecationWarning)
print(len(caught))
for w in caught:
    print(w.category.__name__, str(w.message), w.lineno, w.filename.endswith("warnings_filters.py"))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised:", repr(e))

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="skip")
    warnings.warn("skip me")
    warnings.warn("show me")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.filterwarnings("always", category=UserWarning)
    warnings.warn("user")
    warnings.warn("runtime", RuntimeWarning)
print([str(w.message) for w in caught])

shown = []
def collect(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__, lineno))
with warnings.catch_warnings():
    warnings.showwarning = collect
    warnings.simplefilter("always")
    warnings.warn("to the hook")
print(shown)
print(warnings.formatwarning("msg", UserWarning, "file.py", 12, "  code()  "), end="")
print(warnings.formatwarning("msg", UserWarning, "file.py", 12), end="")
warnings.warn("back to defaults")
