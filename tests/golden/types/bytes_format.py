# printf-style formatting of bytes and bytearray (bytes % args).
def show(t, f):
    try:
        print(t, '->', repr(f()))
    except Exception as e:
        print(t, '!!', type(e).__name__ + ':', e)
class B:
    def __bytes__(self):
        return b'dunder'
show(1, lambda: b'%s' % 'a')
show(2, lambda: b'%c' % 256)
show(3, lambda: b'%c' % 'a')
show(4, lambda: b'%c' % b'ab')
show(5, lambda: b'%c%c' % (b'a', 98))
show(6, lambda: b'%d %s' % (1,))
show(7, lambda: b'%d' % (1, 2))
show(8, lambda: b'%z' % 1)
show(9, lambda: b'\xff%z' % 1)
show(10, lambda: b'%(a)s' % {b'a': b'x'})
show(11, lambda: b'%(a)s' % {'a': b'x'})
show(12, lambda: b'%r %a' % ('\xe9', b'x'))
show(13, lambda: bytearray(b'%5s|') % b'ab')
show(14, lambda: b'%-5b|%.1s' % (b'ab', b'xyz'))
show(15, lambda: b'%x %05.1f %+d %o %X %e' % (255, 2.25, 3, 8, 255, 1.5))
show(16, lambda: b'%s' % 1)
show(17, lambda: b'%s|%b' % (bytearray(b'q'), B()))
show(18, lambda: b'%' % ())
show(19, lambda: '%b' % 1)
show(20, lambda: b'a' % ())
show(21, lambda: b'a' % 1)
show(22, lambda: b'%%' % ())
show(23, lambda: b'%s' % [1])
show(24, lambda: b'\xff%d\x00' % 7)
show(25, lambda: 1 % b'x')
show(26, lambda: b'%10.3s|' % b'abcdef')
show(27, lambda: b'%*d|' % (5, 42))
