# input() at EOF without a handler.
print("enter your name:")
name = input()
print("hello", name)
