# last line lacks a newline
print("no newline at end")