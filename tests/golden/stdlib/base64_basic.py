# base64 and binascii: encodings, options and errors match CPython.
import base64
import binascii

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

samples = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))[:40], b'\xff\xfe\xfd>?']
for s in samples:
    e = base64.b64encode(s)
    print(e, base64.b64decode(e) == s, base64.urlsafe_b64encode(s), base64.b32encode(s), base64.b16encode(s))
    print(' ', base64.b32decode(base64.b32encode(s)) == s, base64.b16decode(base64.b16encode(s)) == s,
          base64.b32hexencode(s), base64.b32hexdecode(base64.b32hexencode(s)) == s)
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode('-_8=', altchars='-_'), base64.b64decode(b'+/8='))
print(base64.urlsafe_b64decode('-_8='), base64.urlsafe_b64decode(b'-_8='), base64.standard_b64encode(b'hi'), base64.standard_b64decode('aGk='))
print(base64.b64decode('Zm9v\nYmFy'), base64.b64decode('Zm9v YmE='), base64.b64decode(bytearray(b'Zm8=')), base64.b64decode('Zm8=junk'))
attempt('bad padding', lambda: base64.b64decode('Zm9vY'))
attempt('bad padding2', lambda: base64.b64decode('Zm9vYm'))
attempt('validate', lambda: base64.b64decode('Zm9v\nYmFy', validate=True))
attempt('validate ok', lambda: base64.b64decode('Zm9vYg==', validate=True))
attempt('validate pad', lambda: base64.b64decode('Zm9vYg=', validate=True))
attempt('validate excess', lambda: base64.b64decode('Zm9vYg===', validate=True))
attempt('non-ascii', lambda: base64.b64decode('Zm9v\u00e9'))
attempt('int', lambda: base64.b64decode(5))
attempt('encode str', lambda: base64.b64encode('abc'))
attempt('b32 lower', lambda: base64.b32decode('mzxw6==='))
attempt('b32 casefold', lambda: base64.b32decode('mzxw6===', casefold=True))
attempt('b32 map01', lambda: base64.b32decode('0I======', map01='L'))
attempt('b32 len', lambda: base64.b32decode('MZXW6'))
attempt('b32 digit', lambda: base64.b32decode('MZXW1==='))
attempt('b32 pad', lambda: base64.b32decode('MZXW6Y=='))
attempt('b32 str', lambda: base64.b32encode('x'))
attempt('b16 lower', lambda: base64.b16decode('666f'))
attempt('b16 casefold', lambda: base64.b16decode('666f', casefold=True))
attempt('b16 odd', lambda: base64.b16decode('666'))
long = bytes(range(100))
eb = base64.encodebytes(long)
print(eb)
print(base64.decodebytes(eb) == long, base64.encodebytes(b''), base64.encodebytes(b'abc'))
attempt('encodebytes str', lambda: base64.encodebytes('abc'))
print(binascii.hexlify(b'\x01\xabZ'), binascii.b2a_hex(b'xyz'), binascii.unhexlify('01ab5a'), binascii.a2b_hex(b'FFfe'))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', '-'), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2), binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', -2))
attempt('unhex odd', lambda: binascii.unhexlify('abc'))
attempt('unhex bad', lambda: binascii.unhexlify('zz'))
print(binascii.b2a_base64(b'hello'), binascii.b2a_base64(b'hello', newline=False), binascii.a2b_base64(b'aGVsbG8=\n'))
attempt('strict lead', lambda: binascii.a2b_base64(b'=aGk=', strict_mode=True))
attempt('strict junk', lambda: binascii.a2b_base64(b'aG k=', strict_mode=True))
attempt('strict excess', lambda: binascii.a2b_base64(b'aGk=x', strict_mode=True))
attempt('one char', lambda: binascii.a2b_base64(b'aGVsbG8'))
attempt('five chars', lambda: binascii.a2b_base64(b'aGVsb'))
print(binascii.crc32(b'hello world'), binascii.crc32(b''), binascii.crc32(b'world', binascii.crc32(b'hello ')))
print(issubclass(binascii.Error, ValueError))
try:
    base64.b64decode('abc')
except ValueError as e:
    print('caught as ValueError:', type(e).__name__, e)
import io
src = io.BytesIO(bytes(range(200)))
dst = io.BytesIO()
base64.encode(src, dst)
print(dst.getvalue())
back = io.BytesIO()
base64.decode(io.BytesIO(dst.getvalue()), back)
print(back.getvalue() == bytes(range(200)))
