# A big int where an index-sized integer is needed raises CPython's errors.
def show(f):
    try:
        print(f())
    except (OverflowError, IndexError, ValueError, MemoryError) as ex:
        print(type(ex).__name__, ex)
show(lambda: [1] * (10**20))
show(lambda: "a" * 2**100)
show(lambda: [0] * 2**63)
show(lambda: (1,) * 2**64)
show(lambda: "ab"[10**20])
show(lambda: [1, 2][-(10**20)])
show(lambda: (1, 2)[2**64])
show(lambda: "abc"[2**100:])
show(lambda: "abc"[-(2**100):2])
show(lambda: [1, 2, 3][:2**100])
show(lambda: [1, 2, 3][::2**100])
show(lambda: bytes(2**100))
show(lambda: chr(2**100))
show(lambda: 1 << 2**100)
show(lambda: 1 << 2**64)
