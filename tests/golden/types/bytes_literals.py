# bytes literals, repr/str, and the sequence protocol of bytes.
print(b'abc', b"abc", b'''tri''', rb'\d', br'\n', B'X')
print(b'a' b'b' b"c")
print(b'\x00\x7f\x80\xff', b'\t\n\r', b'\\', b'\101\x41')
print(repr(b"'"), repr(b'"'), repr(b'\'"'), repr(b''))
print(str(b'x'), str(b'x') == repr(b'x'), f"{b'hi'}", "%s|%r" % (b'a', b'b'))
x = b'hello'
print(len(x), x[0], x[-1], x[1:3], x[::-1], x[::2], x[10:], x[-100:2])
print(type(x), type(x[0]), type(x[1:2]), isinstance(x, bytes), isinstance(x, bytearray))
print(list(x), [c for c in b'ab'], tuple(b'\x01\x02'))
print(b'e' in x, 101 in x, b'lo' in x, b'' in x, 0 in x, b'z' in x, bytearray(b'll') in x)
print(x == b'hello', x != b'hello', x == 'hello', x == bytearray(b'hello'))
print(b'a' < b'b', b'ab' < b'abc', b'b' > b'abc', b'' <= b'', b'\xff' > b'\x00', b'a' >= bytearray(b'a'))
print(hash(b'abc') == hash('abc'), hash(b'') == hash(''), hash(b'x') == hash(b'x'))
d = {b'k': 1, 'k': 2}
print(d[b'k'], d['k'], len(d))
print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), b'ab' * 3, 2 * b'xy', b'z' * 0, b'z' * -2)
print(bool(b''), bool(b'\x00'), not b'')
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes(b'copy'), bytes(bytearray(b'ba')))
print(bytes((1, 2)), bytes('caf\xe9', 'utf-8'), bytes('abc', 'ascii'), bytes(source=[1]), bytes('x', encoding='latin-1'))
class WithBytes:
    def __bytes__(self):
        return b'custom'
print(bytes(WithBytes()))
print(ord(b'a'), ord(bytearray(b'\xff')), ord(b'ab'[1:]))
print(sorted([b'b', b'a', b'ab']), max(b'azb'), min(b'azb'), sum(b'\x01\x02'))
print(b'%s' if False else b'done')
it = iter(b'ab')
print(next(it), next(it), next(it, 'end'))
print(bytes.fromhex('68 69'), b''.fromhex('00ff'))
print([b'a'] * 2, (b'x', b'y'), {b'k': b'v'})
