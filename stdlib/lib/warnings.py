"""Warnings: messages about code that works but should change, filtered by rules.

Each rule in `filters` is (action, message regex or None, category, module regex or None,
lineno); the first rule that matches a warning decides what happens to it: "error" raises it,
"ignore" drops it, "always" shows it every time, "default" once per place it is issued from,
"module" once per module, "once" once in all. The defaults are CPython's: DeprecationWarning
is shown only when issued from __main__, and the pending-deprecation, import and resource
warnings are ignored.
"""
import re
import sys
import _warnings

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")

filters = []
defaultaction = "default"
# Places already warned about for "once" (text, category).
onceregistry = {}
# Bumped whenever the filters change, so the per-module registries forget what they saw.
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _add_filter(item, append):
    if not append:
        if item in filters:
            filters.remove(item)
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


# Bad arguments fail as CPython's checks do: with AssertionError.
def _require(condition, message):
    if not condition:
        raise AssertionError(message)


def _check_action(action):
    _require(action in _ACTIONS, "invalid action: %r" % (action,))


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Adds a rule; `message` and `module` are regular expressions matched at the start."""
    _check_action(action)
    _require(isinstance(message, str), "message must be a string")
    _require(isinstance(category, type), "category must be a class")
    _require(issubclass(category, Warning), "category must be a Warning subclass")
    _require(isinstance(module, str), "module must be a string")
    _require(isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0")
    message_re = re.compile(message, re.I) if message else None
    module_re = re.compile(module) if module else None
    _add_filter((action, message_re, category, module_re, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Adds a rule that matches every message and module."""
    _check_action(action)
    _require(isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0")
    _add_filter((action, None, category, None, lineno), append)


def resetwarnings():
    """Removes every rule, the defaults included."""
    filters[:] = []
    _filters_mutated()


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes: 'file:line: Category: message' and the source line."""
    text = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        line = ""
    line = line.strip()
    if line:
        text += "  %s\n" % line
    return text


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Writes a warning to `file` (sys.stderr by default); a closed or missing file drops it."""
    if file is None:
        file = sys.stderr
        if file is None:
            return
    try:
        file.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


_showwarning_orig = showwarning


class WarningMessage:
    """One warning as catch_warnings(record=True) records it."""

    _FIELDS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}"
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


def _show(msg):
    # A user replacement of showwarning gets the classic arguments.
    if showwarning is not _showwarning_orig:
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarning_orig(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)


def _matching_action(text, category, module, lineno):
    for action, message_re, cat, module_re, ln in filters:
        if ((message_re is None or message_re.match(text)) and issubclass(category, cat)
                and (module_re is None or module_re.match(module)) and (ln == 0 or lineno == ln)):
            return action
    return defaultaction


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None, line=None):
    """Issues a warning at an explicit place; warn() computes the place and calls this."""
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get("version", 0) != _filters_version:
        registry.clear()
        registry["version"] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    action = _matching_action(text, category, module, lineno)
    if action == "error":
        raise message
    if action == "ignore":
        return
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    _show(WarningMessage(message, category, filename, lineno, None, line, source))


def warn(message, category=None, stacklevel=1, source=None):
    """Issues a warning about the code `stacklevel` calls up from the caller of warn()."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    filename, lineno, module, module_globals, line = _warnings._caller(stacklevel)
    if module_globals is None:
        registry = {}
    else:
        registry = module_globals.setdefault("__warningregistry__", {})
    warn_explicit(message, category, filename, lineno, module, registry, module_globals, source, line)


class catch_warnings:
    """Saves the filters and showwarning on entry and restores them on exit; with record=True,
    warnings are collected in the list that __enter__ returns instead of shown."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        self._filter = None if action is None else (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules["warnings"]:
            args.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        module = self._module
        self._saved_filters = module.filters
        module.filters = module.filters[:]
        _filters_mutated()
        self._saved_showwarning = module.showwarning
        if self._filter is not None:
            simplefilter(*self._filter)
        if not self._record:
            return None
        log = []
        module.showwarning = lambda *args, **kwargs: log.append(WarningMessage(*args, **kwargs))
        return log

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._module.filters = self._saved_filters
        self._module.showwarning = self._saved_showwarning
        _filters_mutated()


def _install_defaults():
    # CPython 3.11's default rules (a release build without -W options), most specific first.
    simplefilter("ignore", ResourceWarning, append=False)
    simplefilter("ignore", ImportWarning, append=False)
    simplefilter("ignore", PendingDeprecationWarning, append=False)
    simplefilter("ignore", DeprecationWarning, append=False)
    filterwarnings("default", category=DeprecationWarning, module="__main__", append=False)


_install_defaults()
