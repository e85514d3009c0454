# An uncaught SyntaxError from eval() is printed with the <string> file and the text.
print("start")
eval("(1 +")
