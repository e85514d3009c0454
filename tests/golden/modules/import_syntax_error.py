# A SyntaxError in an imported module is reported with that module's file and line.
print("before")
import _inputs.bad_syntax
