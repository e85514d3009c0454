# Slicing with start/stop/step, negative values, out of range.
l = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(l[2:5], l[:3], l[7:], l[:], l[-3:], l[:-3])
print(l[::2], l[1::2], l[::-1], l[::-2], l[8:2:-2])
print(l[5:2], l[100:], l[-100:2], l[2:100], l[-1:-4:-1])
print(l[3:3], l[::3], l[-2::-3])
s = "Hello, World"
print(s[:5], s[7:], s[::-1], s[::2], s[-5:-1])
t = (1, 2, 3, 4)
print(t[1:3], t[::-1], t[:0])
r = range(20)
print(list(r[5:10]), list(r[::5]), list(r[::-7]))
print(r[2:8:3])
c = l[:]
c[0] = 99
print(l[0], c[0])
l[2:4] = ["a", "b", "c"]
print(l)
l[:3] = []
print(l)
l[::2] = [0, 0, 0, 0]
print(l)
del l[1:3]
print(l)
del l[::2]
print(l)
print("abcdef"[1:-1:2], "abcdef"[-1:0:-2])
