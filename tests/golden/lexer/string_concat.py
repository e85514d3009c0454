# Adjacent string literal concatenation.
print("abc" "def")
print("a" 'b' """c""" '''d''')
x = ("first part, "
     "second part, "
     "third part")
print(x)
print(r"raw\n" "cooked\t|")
print(len("ab" "cd"))
y = "x" \
    "y"
print(y)
print("one" "" "two")
