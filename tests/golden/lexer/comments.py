# A file that starts with comments
# and has several of them.

x = 1  # trailing comment
# print("this is commented out")
y = 2 # another
print(x, y)  # comment after a call
s = "# not a comment"
print(s)
t = '# also not'  # but this is
print(t)
def f():
    # comment as first line of a body
    return 42
    # comment after return
print(f())
if x:
    # only a comment and pass
    pass
print("end")  # final
# trailing comment at end of file without newline
