# str.encode / bytes.decode with utf-8, ascii and latin-1, their error handlers, and
# int.to_bytes / int.from_bytes.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

text = 'caf\xe9 \u20ac \U0001f600'
print(text.encode(), text.encode('utf-8') == text.encode('UTF8'), len(text.encode()))
print(text.encode().decode() == text, 'abc'.encode('ascii'), '\xe9\xff'.encode('latin-1'))
for name in ['utf-8', 'UTF-8', 'utf8', 'Utf_8', 'U8', 'ascii', 'US-ASCII', 'latin-1', 'latin1', 'LATIN_1', 'iso-8859-1', 'ISO8859-1', 'l1', 'cp819']:
    print(name, 'x\xe9'.encode(name, 'replace'), b'x\xc3\xa9'.decode(name, 'replace'))
show(lambda: text.encode('ascii'))
show(lambda: 'ab\xe9\xe9c'.encode('ascii'))
show(lambda: '\u20ac'.encode('latin-1'))
show(lambda: 'x\u20acy\u20ac'.encode('iso-8859-1'))
show(lambda: chr(0xd800).encode())
print(text.encode('ascii', 'ignore'), text.encode('ascii', 'replace'), text.encode('ascii', 'backslashreplace'))
print(text.encode('latin-1', 'xmlcharrefreplace'), text.encode('latin-1', 'replace'))
show(lambda: b'\xff'.decode())
show(lambda: b'ab\xe2\x82'.decode())
show(lambda: b'\xe2'.decode())
show(lambda: b'\xe2\x28\xa1'.decode())
show(lambda: b'\xe2\x82\x28'.decode())
show(lambda: b'\xed\xa0\x80'.decode())
show(lambda: b'\xc0\x80'.decode())
show(lambda: b'\xf4\x90\x80\x80'.decode())
show(lambda: b'\xf0\x9f\x98'.decode('utf-8'))
show(lambda: b'ok\x80'.decode('ascii'))
print(b'a\xffb\xe2\x82c'.decode('utf-8', 'replace'), b'a\xffb\xe2\x82c'.decode('utf-8', 'ignore'))
print(b'a\xffb'.decode('ascii', 'replace'), b'a\xffb'.decode('ascii', 'backslashreplace'), b'\x80\xff'.decode('latin-1'))
print(b'\xf0\x9f\x98\x80'.decode(), len(b'\xf0\x9f\x98\x80'.decode()))
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'\xe9', 'latin-1'), str(b'abc', encoding='ascii'), str(b'\xff', 'utf-8', 'replace'))
print(str(bytearray(b'ba'), 'ascii'), 'abc'.encode(encoding='ascii', errors='strict'))
try:
    b'x\xffy'.decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, len(e.args))
    print(isinstance(e, UnicodeError), isinstance(e, ValueError))
try:
    'x\u20ac'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
except ValueError:
    print('wrong')
e = UnicodeDecodeError('utf-8', b'\x00\x01', 0, 2, 'made up')
print(e, '|', repr(e.object), e.start, e.end)
e = UnicodeEncodeError('ascii', 'abc', 1, 2, 'nope')
print(e)
print(issubclass(UnicodeDecodeError, UnicodeError), UnicodeEncodeError.__mro__[1].__name__)
# int.to_bytes / int.from_bytes
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (5).to_bytes(), (0).to_bytes(0, 'big'))
print((-2).to_bytes(2, 'big', signed=True), (-1).to_bytes(10, 'little', signed=True), (255).to_bytes(9, byteorder='big'))
print((9223372036854775807).to_bytes(8, 'big'), (-9223372036854775807 - 1).to_bytes(8, 'big', signed=True), True.to_bytes(1, 'big'))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'), int.from_bytes(b''), int.from_bytes(b'\x01'))
print(int.from_bytes(b'\xff\xfe', 'big', signed=True), int.from_bytes(b'\xff\xfe', 'big'), int.from_bytes([1, 2], 'big'))
print(int.from_bytes(bytearray(b'\x7f' + b'\xff' * 7), 'big'), int.from_bytes(b'\x00' * 12 + b'\x05', 'big'))
print(int.from_bytes(b'\xff' * 12, 'little', signed=True), int.from_bytes(b'\x80' + b'\x00' * 7, 'big', signed=True))
for n in [0, 1, 127, 128, 255, 256, 65535, -1, -128, -129, 2**40]:
    b = n.to_bytes(8, 'little', signed=True)
    print(n, b.hex(), int.from_bytes(b, 'little', signed=True) == n)
show(lambda: (256).to_bytes(1, 'big'))
show(lambda: (128).to_bytes(1, 'big', signed=True))
show(lambda: (-129).to_bytes(1, 'big', signed=True))
show(lambda: (-1).to_bytes(1, 'big'))
show(lambda: (1).to_bytes(-1, 'big'))
show(lambda: (1).to_bytes(0, 'big'))
show(lambda: (1).to_bytes(1, 'middle'))
show(lambda: (1).to_bytes(1, byteorder=1))
show(lambda: int.from_bytes(b'\x00', 'middle'))
show(lambda: int.from_bytes('ab', 'big'))
show(lambda: int.from_bytes(1, 'big'))
show(lambda: int.from_bytes([256], 'big'))
