# Lots of stdout, then an error: stdout and stderr are captured separately.
for i in range(5):
    print("line", i)
items = ["a", "b"]
print(items[2])
