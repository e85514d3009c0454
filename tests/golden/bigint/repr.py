# str/repr of big ints and the 4300-digit limit on int<->str conversion.
import sys
print(2**64, repr(-2**64), str(10**50), 10**50 - 1, [2**70], (2**70,), {2**70: -2**70})
print(str(7**1000)[:40], len(str(7**1000)), len(str(-(7**1000))))
print(f"{2**100}", "%s" % 2**100, "%d" % -2**100, str(2**200).count("0"))
x = 10**4299
print(len(str(x)), len(str(-x)), len(repr(x)))
try:
    str(10**4300)
except ValueError as ex:
    print(ex)
try:
    int("1" * 4301)
except ValueError as ex:
    print(ex)
print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
print(len(str(int("9" * 4300))))
sys.set_int_max_str_digits(1000)
print(sys.get_int_max_str_digits())
try:
    print(str(10**1000))
except ValueError as ex:
    print(ex)
try:
    int("0" * 1001)
except ValueError as ex:
    print(ex)
print(int("1_" * 600 + "1") % 1000, len(str(-(10**999))))
for bad in [100, 639, -1]:
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as ex:
        print(bad, ex)
sys.set_int_max_str_digits(maxdigits=0)
print(len(str(10**20000)), sys.get_int_max_str_digits())
print(int("f" * 5000, 16) % 1000, hex(2**20000)[:10])
sys.set_int_max_str_digits(640)
print(len(str(10**639)))
