"""Printing and formatting exceptions as the interpreter does.

The text comes from the interpreter's own report of an exception (the native _traceback,
vm/traceback.h), the same that an uncaught exception prints, cut into the pieces CPython's
functions return: the header, one piece per frame (its File line and source lines), the chain
messages, and the exception's own lines. Left out (they raise NotImplementedError naming
themselves): the stack functions (print_stack, format_stack, extract_stack, walk_stack), the
traceback-object functions (extract_tb, format_tb, print_tb, walk_tb, format_list) and the
TracebackException / StackSummary / FrameSummary classes.
"""
import sys
import _traceback

__all__ = ["format_exc", "format_exception", "format_exception_only", "print_exc",
           "print_exception", "print_last"]

_sentinel = object()
_HEADER = "Traceback (most recent call last):\n"
_CHAIN_MESSAGES = ("The above exception was the direct cause of the following exception:",
                   "During handling of the above exception, another exception occurred:")


def _exception_of(exc, value):
    # Both call forms: (exc) and the older (type, value, tb).
    if value is not _sentinel:
        return value
    return exc


def _pieces(text):
    lines = text.splitlines(keepends=True)
    pieces = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith('  File "'):
            i += 1
            while i < len(lines) and lines[i].startswith("    "):
                line += lines[i]
                i += 1
            pieces.append(line)
            continue
        if line == "\n" and i + 2 < len(lines) and lines[i + 1].rstrip("\n") in _CHAIN_MESSAGES:
            pieces.append(line + lines[i + 1] + lines[i + 2])
            i += 3
            continue
        pieces.append(line)
        i += 1
    return pieces


def _apply_limit(pieces, limit):
    # limit keeps the first `limit` frames of each traceback (the last -limit when negative).
    if limit is None:
        return pieces
    out, frames = [], []

    def flush():
        if limit >= 0:
            kept = frames[:limit]
        else:
            kept = frames[limit:]
        if kept:
            out.append(_HEADER)
            out.extend(kept)
        frames.clear()

    in_traceback = False
    for piece in pieces:
        if piece == _HEADER:
            in_traceback = True
            continue
        if in_traceback and piece.startswith('  File "'):
            frames.append(piece)
            continue
        if in_traceback:
            flush()
            in_traceback = False
        out.append(piece)
    if in_traceback:
        flush()
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The report of an exception as a list of strings that end in newlines."""
    exc = _exception_of(exc, value)
    if exc is None:
        return ["NoneType: None\n"]
    if not isinstance(exc, BaseException):
        raise TypeError("Exception expected for value, %s found" % type(exc).__name__)
    return _apply_limit(_pieces(_traceback.format(exc, chain)), limit)


def format_exception_only(exc, /, value=_sentinel):
    """The exception's own lines (type and message, notes; for SyntaxError the place too)."""
    exc = _exception_of(exc, value)
    if exc is None:
        return ["NoneType: None\n"]
    pieces = _pieces(_traceback.format(exc, False))
    # Drop the traceback: its header and its frames ('  File "f", line N, in name'); a
    # SyntaxError's own place ('  File "f", line N') stays.
    while pieces and (pieces[0] == _HEADER or
                      pieces[0].startswith('  File "') and ", in " in pieces[0].split("\n", 1)[0]):
        pieces.pop(0)
    return pieces


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Writes the report of an exception to `file` (sys.stderr by default)."""
    if file is None:
        file = sys.stderr
    for piece in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(piece, file=file, end="")


def format_exc(limit=None, chain=True):
    """The report of the exception being handled, as one string."""
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Writes the report of the exception being handled to `file` (sys.stderr by default)."""
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """Writes the report of the last uncaught exception (sys.last_value)."""
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def _not_supported(name):
    def refuse(*args, **kwargs):
        raise NotImplementedError("traceback.%s is not supported by gilvm" % name)
    refuse.__name__ = name
    return refuse


for _name in ("print_stack", "format_stack", "extract_stack", "walk_stack", "extract_tb", "format_tb",
              "print_tb", "walk_tb", "format_list", "print_list", "clear_frames",
              "TracebackException", "StackSummary", "FrameSummary"):
    globals()[_name] = _not_supported(_name)
del _name
