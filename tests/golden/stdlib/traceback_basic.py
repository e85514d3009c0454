# traceback formats exceptions exactly as the interpreter reports uncaught ones.
import sys
import traceback


def inner(n):
    return 10 // n


def outer(n):
    return inner(n) + 1


try:
    outer(0)
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text, end="")
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exception_only(*sys.exc_info()[:2]))

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("while looking up") from e
except ValueError as err:
    pieces = traceback.format_exception(err)
    print(len(pieces) > 3, pieces[-1], end="")
    print("".join(traceback.format_exception(type(err), err, err.__traceback__, chain=False)), end="")
    print("".join(traceback.format_exception(err, limit=1)), end="")
    print(traceback.format_exception_only(err))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name
except NameError as err:
    traceback.print_exception(err, file=sys.stdout)

print(traceback.format_exc(), end="")          # nothing being handled
print(traceback.format_exception_only(None))
e = RuntimeError("never raised")
print(traceback.format_exception(e))
e.add_note("with a note")
print(traceback.format_exception_only(e))
try:
    compile("x = (1,", "<input>", "exec")
except SyntaxError as err:
    print("".join(traceback.format_exception_only(err)), end="")
traceback.print_exc()   # to stderr: NoneType: None
