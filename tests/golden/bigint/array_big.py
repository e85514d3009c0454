# array's 64-bit typecodes accept their full range now that ints are unbounded.
import array
a = array.array('Q', [2**64 - 1, 2**63, 0])
print(a, a.tobytes()[:8], array.array('Q', a.tobytes()) == a)
print(array.array('L', [2**63]), array.array('q', [-2**63, 2**63 - 1]))
for t in 'qQlL':
    for v in [2**64, 2**63, -2**63 - 1]:
        try:
            array.array(t, [v])
            print(t, v, 'ok')
        except OverflowError as e:
            print(t, v, e)
