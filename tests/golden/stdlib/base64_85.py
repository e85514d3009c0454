# base64: Ascii85 and Base85 encodings, their options and errors match CPython.
import base64

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

samples = [b'', b'a', b'ab', b'abc', b'abcd', b'hello world', b'\0\0\0\0', b'\0\0\0\0\0', b'    spaces    ',
           bytes(range(256))[::7], b'\xff\xff\xff\xff', b'Man is distinguished']
for s in samples:
    a = base64.a85encode(s)
    b = base64.b85encode(s)
    print(a, b, base64.a85decode(a) == s, base64.b85decode(b) == s)
    print(' ', base64.a85encode(s, pad=True), base64.b85encode(s, pad=True), base64.a85encode(s, foldspaces=True))
print(base64.a85encode(b'Man is distinguished, not only by his reason', adobe=True))
print(base64.a85encode(b'Man is distinguished, not only by his reason', wrapcol=10))
print(base64.a85encode(b'Man is distinguished, not only by his reason', wrapcol=10, adobe=True))
print(base64.a85encode(b'abcdefgh', wrapcol=1, adobe=True), base64.a85encode(b'x', adobe=True, wrapcol=3))
print(base64.a85decode(b'<~9jqo^BlbD-BleB1DJ+*+F(f,q~>', adobe=True), base64.a85decode('9jqo^ BlbD-\nBleB1', ignorechars=b' \n'))
print(base64.a85decode(b'z'), base64.a85decode(b'+<VdL', foldspaces=True), base64.a85decode(b'y', foldspaces=True), base64.a85decode('9jqo^~>', adobe=True))
attempt('a85 adobe end', lambda: base64.a85decode(b'<~9jqo^', adobe=True))
attempt('a85 bad', lambda: base64.a85decode(b'9jqo{'))
attempt('a85 z inside', lambda: base64.a85decode(b'9jz'))
attempt('a85 y inside', lambda: base64.a85decode(b'9jy', foldspaces=True))
attempt('a85 overflow', lambda: base64.a85decode(b'uuuuu'))
attempt('a85 space not ignored', lambda: base64.a85decode(b'9j qo', ignorechars=b''))
attempt('b85 bad', lambda: base64.b85decode(b'abc"e'))
attempt('b85 overflow', lambda: base64.b85decode(b'|NsC0~~~~~'))
attempt('b85 str', lambda: base64.b85decode('VPRom'))
attempt('b85 encode str', lambda: base64.b85encode('x'))
