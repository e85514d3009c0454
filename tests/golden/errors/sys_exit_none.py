# sys.exit() with no argument: exit code 0.
import sys
def main():
    print("main")
    sys.exit()
main()
print("never")
