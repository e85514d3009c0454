# sys.stdout / sys.stderr are text files; print() writes through them.
import sys

print(sys.stdout.write("written directly\n"))
sys.stdout.writelines(["a", "b\n"])
print(sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stdout.writable(), sys.stdout.readable())
print(sys.stderr.name, sys.stdin.name, sys.stdin.mode, sys.stdin.readable())
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(repr(sys.stdout))
print("to stderr", file=sys.stderr)
sys.stderr.write("err direct\n")
print("flushed", flush=True)
print("after", end="")
print()
sys.stdout.flush()
print("last")
