# binascii: uuencoding and crc_hqx match CPython.
import binascii

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

for s in [b'', b'a', b'ab', b'abc', b'hello world', bytes(range(45)), b'\0\0\0']:
    e = binascii.b2a_uu(s)
    print(e, binascii.b2a_uu(s, backtick=True), binascii.a2b_uu(e) == s, binascii.a2b_uu(binascii.b2a_uu(s, backtick=True)) == s)
print(binascii.a2b_uu(b''), binascii.a2b_uu(b'\n'), binascii.a2b_uu(b'#86)C'), binascii.a2b_uu('#86)C\n'), binascii.a2b_uu(b'#86)C   \r\n'))
attempt('too long', lambda: binascii.b2a_uu(bytes(46)))
attempt('illegal', lambda: binascii.a2b_uu(b'#86\x7fC'))
attempt('garbage', lambda: binascii.a2b_uu(b'#86)CXY'))
print(binascii.crc_hqx(b'123456789', 0), binascii.crc_hqx(b'123456789', 0xFFFF), binascii.crc_hqx(b'', 5), binascii.crc_hqx(b'abc', 0x12345))
attempt('hexlify str', lambda: binascii.hexlify('ab'))
attempt('unhexlify int', lambda: binascii.unhexlify(5))
attempt('unhexlify non-ascii', lambda: binascii.unhexlify('é1'))
attempt('b2a_base64 str', lambda: binascii.b2a_base64('x'))
attempt('a2b_base64 int', lambda: binascii.a2b_base64(5))
attempt('crc32 str', lambda: binascii.crc32('x'))
attempt('hexlify sep', lambda: binascii.hexlify(b'abc', '--'))
attempt('bytearray', lambda: binascii.hexlify(bytearray(b'\x10\x20')))
