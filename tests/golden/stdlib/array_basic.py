# array: construction, list-like methods, bytes conversion, indexing, slicing, operators,
# repr, and errors with CPython's messages.
import array
from array import array as A


def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


a = A('i', [1, 2, 3])
print(a, len(a), a[0], a[-1], a[1:], a[::-1], a.typecode, a.itemsize, list(a), 2 in a)
a.append(4)
a.extend([5, 6])
a.extend(A('i', [7]))
a.insert(0, 0)
a.insert(100, 8)
print(a, a.pop(), a.pop(0), a.count(3), a.index(3))
a.remove(3)
a.reverse()
print(a, a.tolist())
a[0] = 70
a[1:3] = A('i', [50, 60, 65])
del a[-1]
print(a)
print(A('i', [1, 2]) + A('i', [3]), A('h', [1]) * 3, 2 * A('b', [-1]))
b = A('b', [1])
b += A('b', [2])
b *= 2
print(b, b == A('b', [1, 2, 1, 2]), A('i', [1, 2]) == A('d', [1.0, 2.0]), A('i', [1]) < A('i', [2]))
for code in 'bBhHiIlLqQfd':
    x = A(code, [1, 2])
    print(code, x.itemsize, x.tobytes(), A(code, x.tobytes()), x.buffer_info()[1])
print(A('f', [0.1]), A('d', [0.1, 2]), A('u', 'hi'), A('u', 'hi').tounicode(), A('d'))
y = A('h', [1, 256])
y.byteswap()
print(y)
z = A('H')
z.frombytes(b'\x01\x00\x02\x00')
z.fromlist([3])
print(z, A('i', A('i', [9])), array.typecodes, array.ArrayType is A)
for t in A('B', b'ab'):
    print(t)
attempt(A, 'z')
attempt(A, 5)
attempt(A, 'i', 'abc')
attempt(A, 'i', [1.5])
attempt(A, 'f', ['x'])
attempt(A, 'u', [1])
attempt(A, 'b', [128])
attempt(A, 'b', [-129])
attempt(A, 'B', [256])
attempt(A, 'B', [-1])
attempt(A, 'h', [32768])
attempt(A, 'H', [-1])
attempt(A, 'H', [65536])
attempt(A, 'i', [2**31])
attempt(A, 'I', [-1])
attempt(A, 'I', [2**32])
attempt(A, 'Q', [-1])
attempt(A, 'i', b'abc')
attempt(lambda: A('i', [1]).pop(5))
attempt(lambda: A('i').pop())
attempt(lambda: A('i', [1]).remove(3))
attempt(lambda: A('i', [1]).index(3))
attempt(lambda: A('i', [1]) + A('d'))
attempt(lambda: A('i', [1]) + [1])
attempt(lambda: A('i', [1])[5])
attempt(lambda: A('i', [1]).extend(A('h')))
attempt(lambda: A('i', [1]).frombytes('x'))
attempt(lambda: A('i', [1]).fromlist((1,)))
attempt(lambda: A('i', [1]) * 'x')
attempt(lambda: A('b', [1]).tounicode())
