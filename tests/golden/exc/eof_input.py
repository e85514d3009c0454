# input() at EOF (stdin is /dev/null) raises EOFError.
try:
    line = input()
    print("got", line)
except EOFError as e:
    print("EOFError:", repr(e), e.args)
try:
    input("prompt> ")
except EOFError:
    print("second EOFError")
print(issubclass(EOFError, Exception))
