# Nested blocks, multiple dedents at once, blank lines and comments inside blocks.
def f(n):
    if n > 0:
        if n > 5:
            print("big", n)
        else:
            print("small", n)

            # a comment line at a different indentation
    # another comment
    else:
        print("non-positive", n)
    print("end f", n)


f(7)
f(3)
f(0)
x = 0
while x < 3:
    x = x + 1
    if x == 2:
        continue
    print("x =", x)
print("done")
if True:
  print("two-space indent")
  if True:
        print("odd deeper indent")
  print("back")
for i in range(2):
	print("tab indented", i)
