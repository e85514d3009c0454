# bytearray: construction, mutation and what it shares with bytes.
ba = bytearray(b'hello')
print(ba, repr(ba), str(ba), len(ba), ba[0], ba[-1], ba[1:3], type(ba[1:3]).__name__)
print(bytearray(), bytearray(3), bytearray([1, 2, 255]), bytearray('h\xe9', 'utf-8'), bytearray(b'x') == b'x')
ba[0] = 72
ba[-1] = ord('O')
print(ba)
ba[1:3] = b'EY'
print(ba)
ba[1:3] = b''
print(ba)
ba[0:0] = [1, 2]
print(ba)
ba[::2] = b'abc'
print(ba)
ba[len(ba):] = bytearray(b'++')
print(ba)
ba[1:2] = range(65, 68)
print(ba)
del ba[0]
print(ba)
del ba[-1]
print(ba)
del ba[::2]
print(ba)
del ba[1:]
print(ba)
ba.append(33)
ba.extend(b'xy')
ba.extend([0x41, 0x42])
ba.extend(bytearray(b'!'))
ba.extend(iter(range(48, 50)))
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.insert(0, 63)
ba.insert(100, 64)
ba.insert(-1, 35)
ba.insert(-100, 36)
print(ba)
ba.remove(ord('x'))
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
c.clear()
print(c, ba, c is ba)
ba += b'++'
print(ba)
ba += bytearray(b'-')
ba *= 2
print(ba, len(ba))
same = ba
same += b'!'
print(same is ba, ba[-1])
ba *= 0
print(ba)
a = bytearray(b'abc')
a[:] = a
a += bytes(a)
print(a)
a[1:1] = bytes(a)
print(a, a + b'!', b'!' + a, type(b'!' + a).__name__, a * 2)
m = bytearray(b'xyz')
print(list(m), [v for v in m], b'y' in m, 121 in m, m == bytearray(b'xyz'), m < b'xz')
print(bytes(m), bytearray(m) is m, bytearray(m) == m)
try:
    hash(bytearray(b'x'))
except TypeError as e:
    print('TypeError:', e)
