"""Warnings: messages about code that works but should change, filtered by rules.

`filters` holds the rules, newest first, as tuples (action, message regex or None, category,
module regex or None, line or 0). The first rule that fits a warning picks its action:
"error" raises it, "ignore" drops it, "always" shows it each time, "default" once per place
(module and line), "module" once per module, "once" once in all. The rules start as CPython
3.11's: DeprecationWarning shows only when issued from __main__; pending-deprecation, import
and resource warnings are dropped.

Where a warning points comes from the native _warnings._caller (file, line, module, the
module's globals, the source line). Which places were already shown is kept per module in its
globals' `__warningregistry__`, which forgets everything when the rules change.
"""
import re
import sys
import _warnings

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings"]

ACTIONS = ("error", "ignore", "always", "default", "module", "once")

filters = []
defaultaction = "default"
onceregistry = {}
_rules_generation = [0]


def _rules_changed():
    _rules_generation[0] += 1


def _check(condition, complaint):
    # CPython validates these arguments with assertions, so bad ones raise AssertionError.
    if not condition:
        raise AssertionError(complaint)


def _insert_rule(rule, at_end):
    if rule in filters:
        if at_end:
            _rules_changed()
            return
        filters.remove(rule)
    filters.insert(len(filters) if at_end else 0, rule)
    _rules_changed()


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Adds a rule; `message` (case-insensitive) and `module` match at the start."""
    _check(action in ACTIONS, "invalid action: %r" % (action,))
    _check(isinstance(message, str), "message must be a string")
    _check(isinstance(category, type), "category must be a class")
    _check(issubclass(category, Warning), "category must be a Warning subclass")
    _check(isinstance(module, str), "module must be a string")
    _check(isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0")
    text_pattern = re.compile(message, re.I) if message else None
    module_pattern = re.compile(module) if module else None
    _insert_rule((action, text_pattern, category, module_pattern, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Adds a rule for every message from every module."""
    _check(action in ACTIONS, "invalid action: %r" % (action,))
    _check(isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0")
    _insert_rule((action, None, category, None, lineno), append)


def resetwarnings():
    """Drops every rule, CPython's starting ones included."""
    del filters[:]
    _rules_changed()


def formatwarning(message, category, filename, lineno, line=None):
    """'file:line: Category: message', then the stripped source line when there is one."""
    head = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    source = (line or "").strip()
    return head + (f"  {source}\n" if source else "")


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Writes one warning to `file` (sys.stderr when None); nowhere to write drops it."""
    target = sys.stderr if file is None else file
    if target is None:
        return
    try:
        target.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


_builtin_showwarning = showwarning


class WarningMessage:
    """A warning as catch_warnings(record=True) keeps it."""

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message, self.category = message, category
        self.filename, self.lineno = filename, lineno
        self.file, self.line, self.source = file, line, source

    def __str__(self):
        name = self.category.__name__ if self.category else None
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}"
                % (self.message, name, self.filename, self.lineno, self.line))


def _action_for(text, category, module, lineno):
    for action, text_pattern, rule_category, module_pattern, rule_line in filters:
        if not issubclass(category, rule_category):
            continue
        if text_pattern is not None and not text_pattern.match(text):
            continue
        if module_pattern is not None and not module_pattern.match(module):
            continue
        if rule_line and rule_line != lineno:
            continue
        return action
    return defaultaction


def _already_shown(action, text, category, lineno, registry):
    """Records that a warning is being shown; True when its action says not again."""
    if action == "always":
        return False
    place = (text, category, lineno)
    if action == "default":
        registry[place] = True
        return False
    registry[place] = True
    wider = (text, category) if action == "once" else (text, category, 0)
    seen = onceregistry if action == "once" else registry
    if seen.get(wider):
        return True
    seen[wider] = True
    return False


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None, line=None):
    """Issues a warning about an explicit place; warn() finds the place and calls this."""
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module.lower().endswith(".py"):
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get("version") != _rules_generation[0]:
        registry.clear()
        registry["version"] = _rules_generation[0]
    if isinstance(message, Warning):
        category, text = type(message), str(message)
    else:
        text, message = message, category(message)
    if registry.get((text, category, lineno)):
        return
    action = _action_for(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message
    if _already_shown(action, text, category, lineno, registry):
        return
    hook = showwarning
    if hook is _builtin_showwarning:
        _builtin_showwarning(message, category, filename, lineno, None, line)
    else:
        hook(message, category, filename, lineno, None, line)


def warn(message, category=None, stacklevel=1, source=None):
    """Issues a warning about the code `stacklevel` calls above the caller of warn()."""
    if isinstance(message, Warning):
        category = type(message)
    elif category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    filename, lineno, module, module_globals, line = _warnings._caller(stacklevel)
    registry = {} if module_globals is None else module_globals.setdefault("__warningregistry__", {})
    warn_explicit(message, category, filename, lineno, module, registry, module_globals, source, line)


class catch_warnings:
    """Saves the rules and showwarning when entered and puts them back when left; with
    record=True the warnings of the block are collected in the list __enter__ returns."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._keep = record
        self._target = sys.modules["warnings"] if module is None else module
        self._rule = None if action is None else (action, category, lineno, append)
        self._saved = None

    def __repr__(self):
        parts = ["record=True"] if self._keep else []
        if self._target is not sys.modules["warnings"]:
            parts.append("module=%r" % self._target)
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))

    def __enter__(self):
        if self._saved is not None:
            raise RuntimeError("Cannot enter %r twice" % self)
        target = self._target
        self._saved = (target.filters, target.showwarning)
        target.filters = list(target.filters)
        _rules_changed()
        if self._rule is not None:
            simplefilter(*self._rule)
        if not self._keep:
            return None
        kept = []

        def keep(message, category, filename, lineno, file=None, line=None):
            kept.append(WarningMessage(message, category, filename, lineno, file, line))
        target.showwarning = keep
        return kept

    def __exit__(self, *exc_info):
        if self._saved is None:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._target.filters, self._target.showwarning = self._saved
        _rules_changed()


# CPython 3.11's starting rules, the last added first in the list.
for _category in (ResourceWarning, ImportWarning, PendingDeprecationWarning, DeprecationWarning):
    simplefilter("ignore", _category)
filterwarnings("default", category=DeprecationWarning, module="__main__")
del _category
