# bytes.translate / maketrans / expandtabs.
def show(t, f):
    try:
        print(t, '->', repr(f()))
    except Exception as e:
        print(t, '!!', type(e).__name__ + ':', e)
show(1, lambda: b'abc'.translate('x'))
show(2, lambda: b'abc'.translate(b'x'))
show(3, lambda: b'abc'.translate(None, b'b'))
show(4, lambda: b'abc'.translate(None, delete=b'a'))
show(5, lambda: bytes.maketrans(b'a', b'xy'))
show(6, lambda: bytes.maketrans('a', 'b'))
show(7, lambda: b'a\tb\n\tc\r\t'.expandtabs())
show(8, lambda: b'a\tb'.expandtabs(tabsize=2))
show(9, lambda: b'a\tb'.expandtabs(-1))
show(10, lambda: bytearray(b'ab').translate(bytes.maketrans(b'a', b'z')))
show(11, lambda: bytearray.maketrans(b'a', b'b')[97])
show(12, lambda: b'abc'.translate())
show(13, lambda: b'hello'.translate(bytes.maketrans(b'lo', b'01'), b'h'))
show(14, lambda: b'x'.maketrans(bytearray(b'x'), b'y')[120:121])
