# import math: sqrt, floor, ceil, pi.
import math
print(math.pi)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(0))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7))
print(type(math.floor(2.5)), type(math.ceil(2.5)), type(math.sqrt(4)))
print(math.floor(5), math.ceil(5), math.floor(-0.5), math.ceil(-0.5))
print(math.pi * 2 ** 2)
r = 3
print("area", math.pi * r * r, "circumference", 2 * math.pi * r)
print(math.floor(math.pi * 1000), math.ceil(math.sqrt(10)))
def hyp(a, b):
    return math.sqrt(a * a + b * b)
print(hyp(3, 4), hyp(5, 12), hyp(1, 1))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print(type(math).__name__)
