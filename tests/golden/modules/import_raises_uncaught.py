# An uncaught exception from a module body: the traceback goes through the import statement.
import _inputs.raises
