# json, struct and random with big ints.
import json, struct, random
print(json.dumps(10**30), json.dumps([2**64, -(2**100)]), json.dumps({2**70: 1}), json.loads("123456789012345678901234567890"))
print(json.loads("[-99999999999999999999, 18446744073709551616]"), json.loads('{"a": 1' + '0' * 40 + '}'))
print(struct.pack("<Q", 2**64 - 1), struct.pack(">Q", 2**63), struct.unpack("<Q", b"\xff" * 8), struct.unpack(">Q", b"\x80" + b"\0" * 7))
for fmt, v in [("Q", 2**64), ("<q", 2**63), ("b", 2**100), (">Q", 2**64), ("q", -(2**63) - 1), ("<I", 2**64)]:
    try:
        print(struct.pack(fmt, v))
    except struct.error as ex:
        print(fmt, ex)
random.seed(12345)
print(random.getrandbits(64), random.getrandbits(100), random.getrandbits(65), random.getrandbits(200))
print(random.randrange(2**100), random.randint(-(2**80), 2**80), random.randrange(10**30, 10**31, 7))
random.seed(2**100 + 17)
print(random.random(), random.getrandbits(70))
random.seed(-(3**90))
print(random.random())
